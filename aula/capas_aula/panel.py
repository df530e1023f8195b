"""The teacher's panel: a JupyterHub-managed service at $JUPYTERHUB_SERVICE_PREFIX.

Shows the class grid (students x notebooks) that Java computes from each student's record
(`java -jar $CAPAS_AULA_JAR aula cuadro --csv`), the state of each student's server as the Hub
sees it, and lets a member of the group `profesores` start, stop, open and reset a student's
environment. Run as `python3 -m capas_aula.panel` with aula/ on PYTHONPATH.

Everything a page shows goes through tornado's autoescaping templates: student names, notebook
names and command outputs all come from places students can write to.
"""

import asyncio
import csv
import datetime
import io
import json
import logging
import os
import re
from urllib.parse import quote, urlencode, urlparse

from jupyterhub.services.auth import (
    HubOAuthCallbackHandler,
    HubOAuthenticated,
    UserNotAllowed,
)
from tornado import httpclient, ioloop, web

log = logging.getLogger("capas_aula.panel")

# The contract's pattern for a Hub user name (= account name = container suffix).
NAME_RE = re.compile(r"[a-z][a-z0-9_-]{0,31}\Z")
# Lessons are two digits, prácticas p<number>: nothing else reaches a command line.
NOTEBOOK_RE = re.compile(r"(?:[0-9]{2}|p[0-9]{1,2})\Z")
KNOWN_NOTEBOOKS = ("00", "01", "02", "03", "04", "p1", "p2", "p3", "p4", "p5", "p6")
CUADRO_FIELDS = (
    "alumno",
    "cuaderno",
    "comprobados",
    "correctos",
    "pistas",
    "soluciones",
    "predicciones",
    "predicciones_acertadas",
    "ultima_actividad",
)
TEACHERS = "profesores"
STUDENTS = "alumnos"
# Actions that lose a student's work or interrupt it ask first.
ACTIONS = {
    "arrancar": {"destructive": False, "notebook": False},
    "parar": {"destructive": True, "notebook": False},
    "reiniciar": {"destructive": True, "notebook": True},
    "reiniciar-entorno": {"destructive": True, "notebook": False},
}
FORMULA_LEADS = ("=", "+", "-", "@", "\t")
# A command's output is shown to the teacher; its tail is what explains a failure.
OUTPUT_LIMIT = 20000
HERE = os.path.dirname(os.path.abspath(__file__))


def valid_name(name):
    return isinstance(name, str) and NAME_RE.match(name) is not None


def valid_notebook(notebook):
    return isinstance(notebook, str) and NOTEBOOK_RE.match(notebook) is not None


# ---------------------------------------------------------------------------------------------
# The grid


def parse_cuadro(text):
    """Rows of the long-format CSV as dicts; refuses a header other than the contract's."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        return []
    header = [h.strip() for h in header]
    if tuple(header) != CUADRO_FIELDS:
        raise ValueError("cabecera inesperada en el cuadro: " + ",".join(header))
    rows = []
    for record in reader:
        if not record:
            continue
        record = (record + [""] * len(CUADRO_FIELDS))[: len(CUADRO_FIELDS)]
        rows.append(dict(zip(CUADRO_FIELDS, record)))
    return rows


def _count(row, field):
    try:
        return int(row.get(field) or 0)
    except ValueError:
        return 0


def notebook_order(notebook):
    """Lessons by number, then prácticas by number, then anything else by name."""
    if re.fullmatch(r"[0-9]+", notebook):
        return (0, int(notebook), notebook)
    m = re.fullmatch(r"p([0-9]+)", notebook)
    if m:
        return (1, int(m.group(1)), notebook)
    return (2, 0, notebook)


def _plural(n, one, many):
    return f"{n} {one if n == 1 else many}"


def cell_text(row):
    """«4/5 ✓ · 2 pistas · 1 solución»: correct of checked, then what helped, then predictions."""
    if row is None:
        return ""
    checked, correct = _count(row, "comprobados"), _count(row, "correctos")
    hints, solutions = _count(row, "pistas"), _count(row, "soluciones")
    predicted, right = _count(row, "predicciones"), _count(row, "predicciones_acertadas")
    parts = [f"{correct}/{checked} ✓"]
    if hints:
        parts.append(_plural(hints, "pista", "pistas"))
    if solutions:
        parts.append(_plural(solutions, "solución", "soluciones"))
    if predicted:
        parts.append(f"{right}/{predicted} predicciones")
    return " · ".join(parts)


def pivot(rows, students=()):
    """The wide grid: (students, notebooks, cells, last activity per student).

    Students are those in the data plus the given ones (the Hub's alumnos); notebooks are the
    known ones plus any the data names.
    """
    names = set(students)
    notebooks = set(KNOWN_NOTEBOOKS)
    cells = {}
    last = {}
    for row in rows:
        student = row["alumno"]
        if not student:
            continue
        names.add(student)
        activity = row.get("ultima_actividad") or ""
        if activity and activity > last.get(student, ""):
            last[student] = activity
        notebook = row.get("cuaderno") or ""
        if notebook:
            notebooks.add(notebook)
            cells[(student, notebook)] = row
    return (
        sorted(names),
        sorted(notebooks, key=notebook_order),
        cells,
        last,
    )


def guard_formula(value):
    """A cell a spreadsheet would run as a formula is made plain text with a leading '."""
    value = "" if value is None else str(value)
    if value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def wide_csv(students, notebooks, cells, last):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = ["alumno"] + list(notebooks) + ["ultima_actividad"]
    writer.writerow([guard_formula(h) for h in header])
    for student in students:
        line = [student]
        line += [cell_text(cells.get((student, n))) for n in notebooks]
        line.append(last.get(student, ""))
        writer.writerow([guard_formula(v) for v in line])
    return out.getvalue()


def when(value):
    """An ISO time as «2026-12-05 17:59» (UTC as given); anything else as it came."""
    if not value:
        return ""
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return moment.strftime("%Y-%m-%d %H:%M")


# ---------------------------------------------------------------------------------------------
# Commands (argv lists only, never a shell)


async def run_command(argv, timeout=300):
    """(exit status, combined output) of argv; a missing program or a timeout is an answer too."""
    try:
        process = await asyncio.create_subprocess_exec(
            *argv,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
    except OSError as e:
        return 127, f"no se pudo ejecutar {argv[0]}: {e}"
    try:
        output, _ = await asyncio.wait_for(process.communicate(), timeout)
    except asyncio.TimeoutError:
        process.kill()
        await process.wait()
        return -1, f"{argv[0]} no terminó en {timeout} s"
    text = output.decode("utf-8", "replace")
    if len(text) > OUTPUT_LIMIT:
        text = "…\n" + text[-OUTPUT_LIMIT:]
    return process.returncode, text


def cuadro_argv(environ=os.environ):
    override = environ.get("CAPAS_AULA_CUADRO")
    if override:
        argv = json.loads(override)
        if not (isinstance(argv, list) and argv and all(isinstance(a, str) for a in argv)):
            raise ValueError("CAPAS_AULA_CUADRO debe ser una lista JSON de cadenas")
        return argv
    return [_java(environ), "-jar", _jar(environ), "aula", "cuadro", "--csv"]


def _java(environ):
    return environ.get("CAPAS_AULA_JAVA", "java")


def _jar(environ):
    return environ.get("CAPAS_AULA_JAR", "/opt/capas-aula/capas.jar")


def reset_notebook_argv(name, notebook, environ=os.environ):
    if not valid_name(name) or not valid_notebook(notebook):
        raise ValueError("nombre o cuaderno no válido")
    return [_java(environ), "-jar", _jar(environ), "aula", "reiniciar", name, notebook]


def reset_environment_argv(name, environ=os.environ):
    if not valid_name(name):
        raise ValueError("nombre no válido")
    return [_java(environ), "-jar", _jar(environ), "aula", "reiniciar-entorno", name]


# ---------------------------------------------------------------------------------------------
# The Hub's REST API, with the service's token


class HubError(Exception):
    pass


class Hub:
    def __init__(self, api_url=None, token=None):
        self.api_url = (api_url or os.environ.get("JUPYTERHUB_API_URL", "http://127.0.0.1:8081/hub/api")).rstrip("/")
        self.token = token if token is not None else os.environ.get("JUPYTERHUB_API_TOKEN", "")

    async def _request(self, method, path, body=None, accept=None):
        headers = {"Authorization": f"token {self.token}"}
        if accept:
            headers["Accept"] = accept
        request = httpclient.HTTPRequest(
            self.api_url + path,
            method=method,
            headers=headers,
            body=body,
            allow_nonstandard_methods=True,
            request_timeout=30,
        )
        try:
            response = await httpclient.AsyncHTTPClient().fetch(request, raise_error=False)
        except OSError as e:
            raise HubError(f"no se pudo hablar con el Hub: {e}") from e
        if response.code >= 400 or response.code == 599:
            detail = ""
            try:
                detail = json.loads(response.body or b"{}").get("message") or ""
            except (ValueError, AttributeError):
                pass
            raise HubError(
                f"el Hub respondió {response.code} a {method} {path}" + (f": {detail}" if detail else "")
            )
        return response

    async def students(self):
        """Every Hub user by name: {name: user model}. Who is a student is the grid's to say (the
        accounts with rol alumno, from Java), not the Hub's groups: a student made through the
        Hub's API, or not logged in yet, is in no group."""
        found = {}
        offset = 0
        while True:
            response = await self._request(
                "GET",
                "/users?" + urlencode({"offset": offset, "limit": 200}),
                accept="application/jupyterhub-pagination+json",
            )
            data = json.loads(response.body or b"[]")
            items = data["items"] if isinstance(data, dict) else data
            for user in items:
                found[user["name"]] = user
            pagination = data.get("_pagination") if isinstance(data, dict) else None
            if not pagination or not pagination.get("next"):
                return found
            offset = pagination["next"]["offset"]

    async def user(self, name):
        response = await self._request("GET", "/users/" + quote(name, safe=""))
        return json.loads(response.body)

    async def start(self, name):
        response = await self._request("POST", f"/users/{quote(name, safe='')}/server", body=b"")
        return response.code

    async def stop(self, name):
        response = await self._request("DELETE", f"/users/{quote(name, safe='')}/server")
        return response.code

    async def wait_stopped(self, name, timeout=90):
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            user = await self.user(name)
            if server_state(user) == "parado":
                return True
            if asyncio.get_running_loop().time() > deadline:
                return False
            await asyncio.sleep(1)


def server_state(user):
    """The state a teacher reads: en marcha, parado, arrancando, parando, or desconocido."""
    if user is None:
        return "desconocido"
    pending = user.get("pending")
    if pending == "spawn":
        return "arrancando"
    if pending == "stop":
        return "parando"
    if user.get("server"):
        return "en marcha"
    return "parado"


# ---------------------------------------------------------------------------------------------
# Handlers


class PanelHandler(HubOAuthenticated, web.RequestHandler):
    """Lets in only Hub users of group profesores; anyone else gets a 403 page in Spanish."""

    def initialize(self):
        fake = self.settings.get("panel_hub_auth")
        if fake is not None:
            self.hub_auth = fake

    @property
    def hub(self):
        return self.settings["panel_hub"]

    @property
    def run(self):
        return self.settings["panel_run"]

    def check_hub_user(self, model):
        # The Hub's own rule first (the access scope for this service), then the group.
        model = super().check_hub_user(model)
        if model is None:
            return None
        if model.get("kind", "user") != "user" or TEACHERS not in (model.get("groups") or []):
            raise UserNotAllowed(model)
        return model

    def write_error(self, status_code, **kwargs):
        messages = {
            403: "No tienes permiso para usar el panel del profesor: solo pueden entrar "
                 "los miembros del grupo «profesores».",
            404: "Esa página no existe en el panel.",
        }
        message = messages.get(status_code, "Algo ha fallado en el panel.")
        error = kwargs.get("exc_info", (None, None, None))[1]
        if status_code == 502 and isinstance(error, web.HTTPError) and error.args:
            message = "No se pudo preparar el cuadro: " + str(error.args[0])
        self.render("error.html", status=status_code, message=message)

    def get_template_namespace(self):
        namespace = super().get_template_namespace()
        namespace.update(
            prefix=self.settings["panel_prefix"],
            when=when,
            cell_text=cell_text,
        )
        return namespace

    async def grid(self):
        """Everything the main page and the CSV need; failures become messages, not 500s."""
        problems = []
        users = {}
        try:
            users = await self.hub.students()
        except HubError as e:
            problems.append(str(e))
        rows = []
        try:
            argv = cuadro_argv()
            status, output = await self.run(argv, 120)
            if status != 0:
                problems.append(f"el cuadro de la clase falló ({status}): {output}")
            else:
                rows = parse_cuadro(output)
        except ValueError as e:
            problems.append(str(e))
        # Without the grid (Java failed), the Hub's users who are not teachers stand in for the class.
        fallback = [] if rows else [n for n, u in users.items() if TEACHERS not in (u.get("groups") or [])]
        students, notebooks, cells, last = pivot(rows, fallback)
        return users, students, notebooks, cells, last, problems


class GridHandler(PanelHandler):
    @web.authenticated
    async def get(self):
        users, students, notebooks, cells, last, problems = await self.grid()
        self.render(
            "cuadro.html",
            users=users,
            students=students,
            notebooks=notebooks,
            cells=cells,
            last=last,
            problems=problems,
            state=server_state,
            valid_name=valid_name,
            hub_base=self.settings["panel_hub_base"],
            quote=quote,
        )


class CsvHandler(PanelHandler):
    @web.authenticated
    async def get(self):
        users, students, notebooks, cells, last, problems = await self.grid()
        if problems:
            raise web.HTTPError(502, "%s", "; ".join(problems))
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M")
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", f'attachment; filename="cuadro-{stamp}.csv"')
        self.write(wide_csv(students, notebooks, cells, last))


class ActionHandler(PanelHandler):
    """GET asks to confirm; POST acts (destructive ones only with confirmado=si)."""

    def _target(self, action):
        if action not in ACTIONS:
            raise web.HTTPError(404)
        name = self.get_argument("alumno", "")
        notebook = self.get_argument("cuaderno", "") if ACTIONS[action]["notebook"] else ""
        if not valid_name(name):
            return name, notebook, "El nombre de alumno no es válido."
        if ACTIONS[action]["notebook"] and not valid_notebook(notebook):
            return name, notebook, "El cuaderno no es válido."
        return name, notebook, None

    @web.authenticated
    def get(self, action):
        name, notebook, problem = self._target(action)
        if problem:
            self.set_status(400)
            return self.render("resultado.html", action=action, name=name, ok=False, message=problem, output="")
        self.render("confirmar.html", action=action, name=name, notebook=notebook)

    @web.authenticated
    async def post(self, action):
        name, notebook, problem = self._target(action)
        if problem:
            self.set_status(400)
            return self.render("resultado.html", action=action, name=name, ok=False, message=problem, output="")
        if ACTIONS[action]["destructive"] and self.get_argument("confirmado", "") != "si":
            return self.render("confirmar.html", action=action, name=name, notebook=notebook)
        busy = self.settings["panel_busy"]
        if name in busy:
            self.set_status(409)
            return self.render(
                "resultado.html", action=action, name=name, ok=False, output="",
                message=f"Ya hay una acción en curso para {name}: espera a que termine.",
            )
        busy.add(name)
        try:
            ok, message, output = await getattr(self, "_" + action.replace("-", "_"))(name, notebook)
        except HubError as e:
            ok, message, output = False, str(e), ""
        finally:
            busy.discard(name)
        log.info("%s %s %s %s: %s", self.current_user["name"], action, name, notebook, "bien" if ok else "mal")
        self.render("resultado.html", action=action, name=name, ok=ok, message=message, output=output)

    async def _arrancar(self, name, notebook):
        code = await self.hub.start(name)
        return True, f"El servidor de {name} se está arrancando (el Hub respondió {code}).", ""

    async def _parar(self, name, notebook):
        code = await self.hub.stop(name)
        return True, f"El servidor de {name} se está parando (el Hub respondió {code}).", ""

    async def _reiniciar(self, name, notebook):
        state = server_state(await self.hub.user(name))
        if state != "en marcha":
            return False, (
                f"El servidor de {name} no está en marcha ({state}): arráncalo primero "
                f"para poder reiniciar el cuaderno {notebook}."
            ), ""
        status, output = await self.run(reset_notebook_argv(name, notebook), 300)
        if status == 0:
            return True, f"El cuaderno {notebook} de {name} está reiniciado.", output
        return False, f"No se pudo reiniciar el cuaderno {notebook} de {name} (salida {status}).", output

    async def _reiniciar_entorno(self, name, notebook):
        if server_state(await self.hub.user(name)) != "parado":
            await self.hub.stop(name)
            if not await self.hub.wait_stopped(name):
                return False, f"El servidor de {name} no terminó de pararse: prueba otra vez en un rato.", ""
        status, output = await self.run(reset_environment_argv(name), 600)
        if status == 0:
            return True, f"El entorno de {name} está reiniciado: su próximo arranque empieza de cero.", output
        return False, f"No se pudo reiniciar el entorno de {name} (salida {status}).", output


class NotFoundHandler(PanelHandler):
    def prepare(self):
        raise web.HTTPError(404)


def make_app(prefix=None, hub=None, run=None, hub_auth=None, **settings):
    prefix = prefix or os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/panel/")
    if not prefix.endswith("/"):
        prefix += "/"
    p = re.escape(prefix)
    handlers = [
        (p, GridHandler),
        (p + r"cuadro\.csv", CsvHandler),
        (p + r"accion/([a-z-]+)", ActionHandler),
        (p + r"oauth_callback", HubOAuthCallbackHandler),
    ]
    base = dict(
        template_path=os.path.join(HERE, "panel_templates"),
        static_path=os.path.join(HERE, "panel_templates", "static"),
        static_url_prefix=prefix + "static/",
        xsrf_cookies=True,
        cookie_secret=os.urandom(32),
        default_handler_class=NotFoundHandler,
        panel_prefix=prefix,
        panel_hub=hub or Hub(),
        panel_run=run or run_command,
        panel_hub_auth=hub_auth,
        panel_busy=set(),
        panel_hub_base=os.environ.get("JUPYTERHUB_BASE_URL", "/").rstrip("/") + "/",
    )
    base.update(settings)
    return web.Application(handlers, **base)


def main():
    logging.basicConfig(level=logging.INFO, format="[%(levelname)s %(asctime)s panel] %(message)s")
    url = os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101")
    where = urlparse(url)
    app = make_app()
    app.listen(where.port or 80, where.hostname or "127.0.0.1")
    log.info("panel del profesor en %s%s", url, app.settings["panel_prefix"])
    ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
