"""One rootful podman container per student: the JupyterHub spawner of Capas's classroom server.

Each student gets the student image (``localhost/capas-aula-alumno``) with:

* a fixed range of host uids (``--uidmap``), picked by the account's ``indice``: the same range on
  every start, so the files the student left on disk keep their owners. Ranges never overlap, so
  no student's root is anybody else's uid;
* a disk of their own (``java -jar capas.jar aula disco``: an ext4 image, loop-mounted on the host)
  holding the student's home (notebooks, record of progress, rootless store) and their rootful
  store (``/var/lib/containers``). A full disk stops that student only;
* memory, CPU and process limits (``mem_limit``, ``cpu_limit``, ``pids_limit``);
* the network ``capas-aula``, where the Hub reaches the notebook server and nothing else;
* a podman store of its own, on the student's disk, with the student image lent read-only from
  the server's store: the container's own writes (even on a root file system its root has
  remounted writable) land on the student's disk, never on the server's.

The container itself is disposable: stop removes it and start makes a new one from the current
image, so what survives is exactly the student's disk.
"""

import asyncio
import json
import os
import re

from jupyterhub.spawner import Spawner
from traitlets import Integer, List, Unicode

NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
LABEL = "capas.aula"


class CapasSpawner(Spawner):
    image = Unicode("localhost/capas-aula-alumno:latest", help="The student image.").tag(config=True)
    network = Unicode("capas-aula").tag(config=True)
    state_dir = Unicode(os.environ.get("CAPAS_AULA_DIR", "/var/lib/capas-aula")).tag(config=True)
    java = Unicode("java").tag(config=True)
    jar = Unicode(help="The lab's jar, which prepares each student's disk.").tag(config=True)
    pids_limit = Integer(2048, help="Processes and threads per student, inner containers included.").tag(config=True)
    scratch_size = Unicode("1g", help="Each of /tmp and /var/tmp (memory, within mem_limit).").tag(config=True)
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

    # ---- processes

    async def run(self, *argv, env=None, check=True):
        proc = await asyncio.create_subprocess_exec(
            *argv, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        if check and proc.returncode != 0:
            # Podman 5's warnings about the machine (cgroups v1) hide the error itself.
            said = [line for line in err.decode(errors="replace").splitlines() if "level=warning" not in line]
            raise RuntimeError(f"{' '.join(argv[:3])}…: {' '.join(said).strip()}")
        return proc.returncode, out.decode(errors="replace")

    async def podman_argv(self):
        """podman on the student's own store (on their disk), as the lab says; kept in the Hub's
        state, so a poll after a restart of the Hub needs no JVM."""
        if not self.store:
            self.store = (await self.disk())["podman"]
        return self.store

    async def inspect(self):
        code, out = await self.run(*await self.podman_argv(), "container", "inspect", self.container, check=False)
        if code != 0:
            return None
        data = json.loads(out)[0]
        # Only a container this spawner made is ever stopped or removed.
        return data if data["Config"]["Labels"].get(LABEL) == self.student else None

    # ---- the student's disk

    async def disk(self):
        """The student's disk, made and mounted by the lab (capas.aula.servidor.StudentDisk holds the
        rules: where, how big, whose uids): its two folders and the student's uid range."""
        code, out = await self.run(self.java, "-jar", self.jar, "aula", "disco", self.student,
                                   env={**os.environ, "CAPAS_AULA_DIR": self.state_dir})
        return json.loads(out.strip().splitlines()[-1])

    # ---- Spawner

    store = List(help="podman's argv for the student's store, from the lab").tag(config=False)

    def get_state(self):
        state = super().get_state()
        state["container"] = self.container
        state["podman"] = self.store
        return state

    def load_state(self, state):
        super().load_state(state)
        self.store = state.get("podman") or []

    def clear_state(self):
        super().clear_state()
        self.store = []

    async def start(self):
        disk = await self.disk()
        self.store = disk["podman"]
        base, size = disk["base_uid"], disk["ids"]
        if await self.inspect() is not None:
            await self.run(*self.store, "rm", "-f", "-t", "5", self.container)
        self.ip = "0.0.0.0"
        self.port = self.notebook_port
        env = self.get_env()
        argv = [*self.store, "run", "-d", "--name", self.container, "--hostname", self.container,
                "--label", f"{LABEL}={self.student}", "--label", "capas.lab=1",
                "--uidmap", f"0:{base}:{size}", "--gidmap", f"0:{base}:{size}",
                "--privileged", "--device", "/dev/fuse",
                # Everything the student writes lands on their own disk or in memory: the image's
                # file system is read-only, and the scratch folders are tmpfs, charged to the
                # student's memory limit. Nothing a student does can fill the server's disk.
                # (--read-only-tmpfs stays on: inner podman 5 keeps its locks in /dev/shm.)
                "--read-only",
                "--tmpfs", f"/tmp:rw,nosuid,nodev,mode=1777,size={self.scratch_size}",
                "--tmpfs", f"/var/tmp:rw,nosuid,nodev,mode=1777,size={self.scratch_size}",
                "--tmpfs", "/run:rw,nosuid,nodev,mode=755,size=128m",
                "--network", self.network,
                "--pids-limit", str(self.pids_limit),
                "-v", f"{disk['home']}:/home/alumno",
                "-v", f"{disk['contenedores']}:/var/lib/containers"]
        if self.mem_limit:
            argv += ["--memory", str(self.mem_limit), "--memory-swap", str(self.mem_limit)]
        if self.cpu_limit:
            argv += ["--cpus", str(self.cpu_limit)]
        # Values travel in podman's environment, not its argv: the API token stays out of `ps`.
        for key in sorted(env):
            argv += ["--env", key]
        argv += [self.image]
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
            await self.run(*await self.podman_argv(), "rm", "-f", "-t", "0" if now else "10", self.container, check=False)

