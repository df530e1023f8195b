"""One rootful podman container per student: the JupyterHub spawner of Capas's classroom server.

Each student gets the student image (``localhost/capas-aula-alumno``) with:

* a fixed range of host uids (``--uidmap``), picked by the account's ``indice``: the same range on
  every start, so the files the student left on disk keep their owners. Ranges never overlap, so
  no student's root is anybody else's uid;
* a disk of their own: an ext4 image file, loop-mounted on the host, holding the student's home
  (notebooks, record of progress, rootless store) and their rootful store (``/var/lib/containers``).
  A full disk stops that student only;
* memory, CPU and process limits (``mem_limit``, ``cpu_limit``, ``pids_limit``);
* the network ``capas-aula``, where the Hub reaches the notebook server and nothing else.

The container itself is disposable: stop removes it and start makes a new one from the current
image, so what survives is exactly the student's disk.
"""

import asyncio
import json
import os
import re

from jupyterhub.spawner import Spawner
from traitlets import Integer, Unicode

NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
LABEL = "capas.aula"


class CapasSpawner(Spawner):
    image = Unicode("localhost/capas-aula-alumno:latest", help="The student image.").tag(config=True)
    podman = Unicode("/usr/bin/podman").tag(config=True)
    network = Unicode("capas-aula").tag(config=True)
    state_dir = Unicode(os.environ.get("CAPAS_AULA_DIR", "/var/lib/capas-aula")).tag(config=True)
    disk_size = Unicode("8G", help="Each student's disk (home and both stores).").tag(config=True)
    pids_limit = Integer(4096, help="Processes per student, inner containers included.").tag(config=True)
    uid_base = Integer(200_000_000, help="First host uid of the students' ranges.").tag(config=True)
    uid_size = Integer(231_072, help="Ids per student: root and the inner alumno's 100000-165535.").tag(config=True)
    notebook_port = Integer(8888).tag(config=True)

    # ---- names

    @property
    def student(self):
        name = self.user.name
        if not NAME.match(name):
            raise ValueError(f"nombre de usuario no válido para el aula: {name!r}")
        return name

    @property
    def container(self):
        return f"capas-aula-{self.student}"

    @property
    def disk_image(self):
        return os.path.join(self.state_dir, "discos", f"{self.student}.img")

    @property
    def disk(self):
        return os.path.join(self.state_dir, "alumnos", self.student)

    def index(self):
        with open(os.path.join(self.state_dir, "cuentas.json"), encoding="utf-8") as f:
            for account in json.load(f)["cuentas"]:
                if account["nombre"] == self.user.name:
                    return int(account["indice"])
        raise ValueError(f"{self.user.name} no está en cuentas.json")

    # ---- processes

    async def run(self, *argv, env=None, check=True):
        proc = await asyncio.create_subprocess_exec(
            *argv, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        if check and proc.returncode != 0:
            raise RuntimeError(f"{' '.join(argv[:3])}…: {err.decode(errors='replace').strip()}")
        return proc.returncode, out.decode(errors="replace")

    async def inspect(self):
        code, out = await self.run(self.podman, "container", "inspect", self.container, check=False)
        if code != 0:
            return None
        data = json.loads(out)[0]
        # Only a container this spawner made is ever stopped or removed.
        return data if data["Config"]["Labels"].get(LABEL) == self.student else None

    # ---- the student's disk

    async def mount_disk(self, base):
        os.makedirs(os.path.dirname(self.disk_image), mode=0o700, exist_ok=True)
        os.makedirs(self.disk, mode=0o700, exist_ok=True)
        if os.path.ismount(self.disk):
            return
        if not os.path.exists(self.disk_image):
            with open(self.disk_image, "wb") as f:
                f.truncate(_bytes(self.disk_size))
            os.chmod(self.disk_image, 0o600)
            await self.run("mkfs.ext4", "-q", "-F", "-m", "0", "-E", f"root_owner={base}:{base}", self.disk_image)
        await self.run("mount", "-o", "loop,nodev,nosuid", self.disk_image, self.disk)
        # The folders bound into the container: owned by the ids they are inside (root, alumno).
        for folder, owner in (("home", base + 1000), ("contenedores", base)):
            path = os.path.join(self.disk, folder)
            if not os.path.isdir(path):
                os.mkdir(path, 0o755)
                os.chown(path, owner, owner)
        os.chmod(self.disk, 0o755)

    async def unmount_disk(self):
        if os.path.ismount(self.disk):
            await self.run("umount", self.disk, check=False)

    # ---- Spawner

    def get_state(self):
        state = super().get_state()
        state["container"] = self.container
        return state

    async def start(self):
        base = self.uid_base + self.index() * self.uid_size
        if await self.inspect() is not None:
            await self.run(self.podman, "rm", "-f", "-t", "5", self.container)
        await self.mount_disk(base)
        self.ip = "0.0.0.0"
        self.port = self.notebook_port
        env = self.get_env()
        argv = [self.podman, "run", "-d", "--name", self.container, "--hostname", self.container,
                "--label", f"{LABEL}={self.student}", "--label", "capas.lab=1",
                "--uidmap", f"0:{base}:{self.uid_size}", "--gidmap", f"0:{base}:{self.uid_size}",
                "--privileged", "--device", "/dev/fuse",
                "--network", self.network,
                "--pids-limit", str(self.pids_limit),
                "-v", f"{self.disk}/home:/home/alumno",
                "-v", f"{self.disk}/contenedores:/var/lib/containers"]
        if self.mem_limit:
            argv += ["--memory", str(self.mem_limit), "--memory-swap", str(self.mem_limit)]
        if self.cpu_limit:
            argv += ["--cpus", str(self.cpu_limit)]
        # Values travel in podman's environment, not its argv: the API token stays out of `ps`.
        for key in sorted(env):
            argv += ["--env", key]
        argv += [self.image, "/opt/capas-aula/arranque"]
        await self.run(*argv, env={**os.environ, **env})
        data = await self.inspect()
        networks = data["NetworkSettings"]["Networks"] if data else {}
        ip = networks.get(self.network, {}).get("IPAddress")
        if not ip:
            raise RuntimeError(f"el contenedor {self.container} no tiene dirección en la red {self.network}")
        return ip, self.notebook_port

    async def poll(self):
        data = await self.inspect()
        if data is None:
            return 0
        if data["State"]["Running"]:
            return None
        return data["State"].get("ExitCode", 0) or 0

    async def stop(self, now=False):
        if await self.inspect() is not None:
            await self.run(self.podman, "rm", "-f", "-t", "0" if now else "10", self.container, check=False)
        await self.unmount_disk()


def _bytes(size):
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    size = size.strip().lower()
    if size[-1] in units:
        return int(float(size[:-1]) * units[size[-1]])
    return int(size)
