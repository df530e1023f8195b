# A throw-away JupyterHub config to try the teacher's panel by hand against a real Hub
# (Debian's jupyterhub 3.0 or 5.2), with no user servers and a fixture standing in for Java:
#
#   /usr/bin/jupyterhub -f aula/tests/hub_panel_config.py --port 18000
#
# Users (DummyAuthenticator, password "x"): profe (profesores); ana, beto, carla (alumnos).
# State goes to /tmp/panel-try. The panel's grid comes from a fixture CSV that includes a
# hostile notebook name, so escaping can be seen in the real page too.

import json
import os
import sys

from jupyterhub.spawner import Spawner

c = get_config()  # noqa: F821 (given by JupyterHub when it loads this file)

AULA = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = "/tmp/panel-try"
os.makedirs(DATA, exist_ok=True)

fixture_csv = os.path.join(DATA, "cuadro.csv")
with open(fixture_csv, "w", encoding="utf-8") as f:
    f.write(
        "alumno,cuaderno,comprobados,correctos,pistas,soluciones,predicciones,"
        "predicciones_acertadas,ultima_actividad\n"
        "ana,03,5,4,2,1,3,2,2026-12-05T10:00:00Z\n"
        "ana,p1,2,2,0,0,0,0,2026-12-05T11:30:00Z\n"
        'beto,"<img src=x onerror=alert(1)>",1,0,0,0,0,0,2026-12-04T09:00:00Z\n'
        "carla,,,,,,,,\n"
    )
fixture = os.path.join(DATA, "cuadro.py")
with open(fixture, "w", encoding="utf-8") as f:
    f.write(f"import sys\nsys.stdout.write(open({fixture_csv!r}, encoding='utf-8').read())\n")


class NoSpawner(Spawner):
    """This try starts no user servers: a start request reaches here and fails plainly."""

    async def start(self):
        raise RuntimeError("hub_panel_config: no user servers in this try")

    async def stop(self, now=False):
        pass

    async def poll(self):
        return 0


c.JupyterHub.spawner_class = NoSpawner
c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
c.DummyAuthenticator.password = "x"
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = 18081
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:18001"
c.ConfigurableHTTPProxy.pid_file = os.path.join(DATA, "proxy.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(DATA, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(DATA, "jupyterhub_cookie_secret")
c.JupyterHub.load_groups = {"profesores": ["profe"], "alumnos": ["ana", "beto", "carla"]}

c.JupyterHub.services = [
    {
        "name": "panel",
        "url": "http://127.0.0.1:18101",
        "command": ["/usr/bin/python3", "-m", "capas_aula.panel"],
        "oauth_no_confirm": True,
        "environment": {
            "PYTHONPATH": AULA,
            "CAPAS_AULA_CUADRO": json.dumps(["/usr/bin/python3", fixture]),
            "CAPAS_AULA_JAR": "/nonexistent/capas.jar",
        },
    }
]
c.JupyterHub.load_roles = [
    {
        # what the panel's own token may do: list and read the students, start/stop their servers
        "name": "capas-panel",
        "scopes": ["list:users!group=alumnos", "read:users!group=alumnos", "servers!group=alumnos"],
        "services": ["panel"],
    },
    {
        # who may use the panel, and open a student's notebook to help
        "name": "capas-profesores",
        "scopes": ["access:services!service=panel", "access:servers!group=alumnos"],
        "groups": ["profesores"],
    },
]

if os.environ.get("PANEL_TRY_STUDENTS_REACH_PANEL"):
    # Variant: the Hub lets alumnos through OAuth, so the panel's own group check answers
    # with its Spanish 403 (without this the Hub itself refuses them, with its own 403 page).
    c.JupyterHub.load_roles.append(
        {"name": "capas-alumnos-panel", "scopes": ["access:services!service=panel"], "groups": ["alumnos"]}
    )
