# JupyterHub configuration of Capas's classroom server (./lab aula). Everything the teacher chose
# comes from aula.json, written by `java -jar capas.jar aula servir` in the state folder; this file
# only says how the Hub, the spawner, the panel and the idle stop fit together.
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STATE = os.environ.get("CAPAS_AULA_DIR", "/var/lib/capas-aula")
sys.path.insert(0, HERE)

with open(os.path.join(STATE, "aula.json"), encoding="utf-8") as f:
    aula = json.load(f)


def secret(name):
    with open(os.path.join(STATE, name), encoding="utf-8") as f:
        return f.read().strip()


c = get_config()  # noqa: F821 (JupyterHub's loader defines it)

c.JupyterHub.ip = aula["ip"]
c.JupyterHub.port = aula["puerto"]
if aula.get("certificado"):
    c.JupyterHub.ssl_cert = aula["certificado"]
    c.JupyterHub.ssl_key = aula["clave"]
# The Hub's API listens on every address (the proxy serves it at /hub/api anyway). The proxy and
# the services reach it on the loopback; the students' containers at the gateway of their podman
# network, which exists only while a container is attached to it (netavark removes the bridge
# with its last container), so nothing but the containers may depend on it.
c.JupyterHub.hub_bind_url = f"http://0.0.0.0:{aula['puerto_api']}"
c.JupyterHub.hub_connect_url = f"http://127.0.0.1:{aula['puerto_api']}"
c.CapasSpawner.hub_connect_url = f"http://{aula['pasarela']}:{aula['puerto_api']}"
# Debian's proxy finds its modules in /usr/share/nodejs, where Debian's node looks by itself; a node
# from elsewhere (NodeSource's, on some machines) needs telling.
os.environ.setdefault("NODE_PATH", "/usr/share/nodejs")
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{aula['puerto_proxy']}"
c.ConfigurableHTTPProxy.auth_token = secret("proxy-token")
c.ConfigurableHTTPProxy.pid_file = os.path.join(STATE, "proxy.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(STATE, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(STATE, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(STATE, "jupyterhub.pid")
c.JupyterHub.cleanup_servers = False  # a restart of the Hub leaves the students' servers running
c.JupyterHub.template_vars = {"announcement_login": "Capas · aula"}

c.JupyterHub.authenticator_class = "capas_aula.authenticator.CapasAuthenticator"
c.JupyterHub.spawner_class = "capas_aula.spawner.CapasSpawner"
c.CapasSpawner.image = aula["imagen"]
c.CapasSpawner.jar = aula["jar"]
c.CapasSpawner.pids_limit = aula["procesos"]
c.CapasSpawner.mem_limit = aula["memoria"]
c.CapasSpawner.cpu_limit = float(aula["cpus"])
c.CapasSpawner.default_url = aula.get("inicio", "/tree")
# A first start prepares the student's disk (copy, kernel, course image in both stores).
c.CapasSpawner.start_timeout = 600
c.CapasSpawner.http_timeout = 300

# Groups (alumnos, profesores) come from the authenticator, at each login, from the account's role.
# Only the teachers' matters here (their role); the panel takes the class from the accounts, since a
# student made through the Hub's API, or not logged in yet, is in no group.
python = sys.executable
env = {"PYTHONPATH": HERE, "CAPAS_AULA_DIR": STATE, "CAPAS_AULA_JAR": aula["jar"], "PATH": os.environ.get("PATH", "")}
c.JupyterHub.services = [
    {"name": "panel", "url": f"http://127.0.0.1:{aula['puerto_panel']}", "command": [python, "-m", "capas_aula.panel"],
     "environment": env, "oauth_no_confirm": True, "display": True},
    {"name": "inactividad", "command": [python, "-m", "capas_aula.inactividad", str(aula["inactividad"])],
     "environment": env},
    # ./lab aula itself (its checks and tests) speaks to the Hub with this token, readable by root only.
    {"name": "capas", "api_token": secret("capas-token")},
]
c.JupyterHub.load_roles = [
    {"name": "profesor", "groups": ["profesores"],
     "scopes": ["self", "access:servers", "access:services!service=panel"]},
    {"name": "panel", "services": ["panel"],
     "scopes": ["list:users", "read:users", "servers"]},
    {"name": "inactividad", "services": ["inactividad"],
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
    {"name": "capas", "services": ["capas"], "scopes": ["admin:users", "admin:groups", "admin:servers", "tokens",
                                                         "access:servers", "list:users", "read:users"]},
]
