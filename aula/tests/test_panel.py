"""The teacher's panel, with the Hub's authentication and REST API replaced by stand-ins.

Run: cd aula && /usr/bin/python3 -m unittest discover -s tests -p 'test_panel.py'
"""

import asyncio
import csv
import io
import json
import os
import re
import sys
import tempfile
import unittest
from unittest import mock
from urllib.parse import urlencode

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import logging  # noqa: E402

from tornado import web  # noqa: E402
from tornado.testing import AsyncHTTPTestCase  # noqa: E402

from capas_aula import panel  # noqa: E402

logging.getLogger("tornado.access").setLevel(logging.CRITICAL)
logging.getLogger("tornado.general").setLevel(logging.CRITICAL)
logging.getLogger("tornado.application").setLevel(logging.CRITICAL)

PREFIX = "/services/panel/"
EVIL = "<img src=x onerror=alert(1)>"
HEADER = ",".join(panel.CUADRO_FIELDS)

CUADRO = "\n".join(
    [
        HEADER,
        "ana,03,5,4,2,1,3,2,2026-12-05T10:00:00Z",
        "ana,p1,2,2,0,0,0,0,2026-12-05T11:30:00Z",
        # a notebook nobody knows, named by a student's record: shown, escaped
        f'beto,"{EVIL}",1,0,0,0,0,0,2026-12-04T09:00:00Z',
        "beto,03,1,1,1,0,0,0,2026-12-04T08:00:00Z",
        "carla,,,,,,,,",
        "=cmd,03,1,1,0,0,0,0,2026-12-01T00:00:00Z",
        # a name that is no account name, and a time that is no time: shown, escaped, no actions
        f'"{EVIL}",03,1,1,0,0,0,0,"{EVIL}"',
    ]
) + "\n"


def user(name, groups=("alumnos",), server=None, pending=None):
    return {
        "kind": "user",
        "name": name,
        "groups": list(groups),
        "server": server,
        "pending": pending,
        "last_activity": "2026-12-05T12:00:00.000000Z",
    }


class FakeHubAuth:
    """Identifies the user named in a test header, as HubOAuth would from its cookie."""

    access_scopes = {"access:services!service=panel"}
    login_url = "/hub/login"
    base_url = PREFIX

    def get_user(self, handler, **kwargs):
        raw = handler.request.headers.get("X-Test-User")
        return json.loads(raw) if raw else None

    def check_scopes(self, required, model):
        return set(required) & set(model.get("scopes", ()))

    def check_xsrf_cookie(self, handler):  # jupyterhub >= 4.1 delegates here
        return web.RequestHandler.check_xsrf_cookie(handler)


class FakeHub:
    def __init__(self, users):
        self.users = {u["name"]: u for u in users}
        self.calls = []

    async def students(self):
        return {n: u for n, u in self.users.items() if "alumnos" in u["groups"]}

    async def user(self, name):
        return self.users[name]

    async def start(self, name):
        self.calls.append(("start", name))
        self.users[name]["server"] = f"/user/{name}/"
        return 201

    async def stop(self, name):
        self.calls.append(("stop", name))
        self.users[name]["server"] = None
        return 204

    async def wait_stopped(self, name, timeout=90):
        return self.users[name]["server"] is None


def teacher(name="profe", groups=("profesores",), scopes=("access:services!service=panel",)):
    return json.dumps({"kind": "user", "name": name, "groups": list(groups), "scopes": list(scopes)})


class PanelAppTest(AsyncHTTPTestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        script = os.path.join(self.tmp.name, "cuadro.py")
        data = os.path.join(self.tmp.name, "cuadro.csv")
        with open(data, "w", encoding="utf-8") as f:
            f.write(CUADRO)
        with open(script, "w", encoding="utf-8") as f:
            f.write(f"import sys\nsys.stdout.write(open({data!r}, encoding='utf-8').read())\n")
        env = mock.patch.dict(
            os.environ,
            {"CAPAS_AULA_CUADRO": json.dumps([sys.executable, script]), "CAPAS_AULA_JAR": "/x/capas.jar"},
        )
        env.start()
        self.addCleanup(env.stop)
        self.addCleanup(self.tmp.cleanup)
        self.hub = FakeHub(
            [
                user("ana", server="/user/ana/"),
                user("beto"),
                user("carla"),
                user("profe", groups=("profesores",)),
            ]
        )
        self.commands = []
        super().setUp()

    async def run_recorded(self, argv, timeout=300):
        if argv[0] == sys.executable:
            return await panel.run_command(argv, timeout)
        self.commands.append(argv)
        return 0, "hecho <b>bien</b>"

    def get_app(self):
        return panel.make_app(prefix=PREFIX, hub=self.hub, run=self.run_recorded, hub_auth=FakeHubAuth())

    def page(self, path="", who=None, **kwargs):
        headers = kwargs.pop("headers", {})
        if who is not None:
            headers["X-Test-User"] = who
        return self.fetch(PREFIX + path, headers=headers, follow_redirects=False, **kwargs)

    def post(self, path, fields, who=None):
        # tornado accepts any matching pair of _xsrf cookie and form field
        token = "0123456789abcdef"
        return self.page(
            path,
            who=who or teacher(),
            method="POST",
            body=urlencode(dict(fields, _xsrf=token)),
            headers={"Cookie": f"_xsrf={token}"},
        )

    # --- who gets in

    def test_a_teacher_sees_the_grid(self):
        response = self.page(who=teacher())
        self.assertEqual(response.code, 200)
        body = response.body.decode()
        self.assertIn("4/5 ✓ · 2 pistas · 1 solución · 2/3 predicciones", body)
        self.assertIn("2/2 ✓", body)
        self.assertIn("en marcha", body)
        self.assertIn("/user/ana/tree", body)

    def test_a_student_gets_a_spanish_403(self):
        response = self.page(who=teacher("beto", groups=("alumnos",)))
        self.assertEqual(response.code, 403)
        body = response.body.decode()
        self.assertIn("No tienes permiso", body)
        self.assertNotIn("ana", body)

    def test_a_teacher_without_the_services_access_scope_gets_403(self):
        response = self.page(who=teacher(scopes=()))
        self.assertEqual(response.code, 403)

    def test_an_anonymous_visit_goes_to_the_hub_login(self):
        response = self.page()
        self.assertEqual(response.code, 302)
        self.assertTrue(response.headers["Location"].startswith("/hub/login"))

    def test_a_student_cannot_act_either(self):
        response = self.post("accion/arrancar", {"alumno": "beto"}, who=teacher("ana", groups=("alumnos",)))
        self.assertEqual(response.code, 403)
        self.assertEqual(self.hub.calls, [])

    # --- escaping

    def test_what_students_wrote_is_shown_escaped(self):
        body = self.page(who=teacher()).body.decode()
        self.assertNotIn(EVIL, body)
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", body)
        self.assertNotIn("<img", body)

    def test_command_output_is_shown_escaped(self):
        response = self.post("accion/reiniciar", {"alumno": "ana", "cuaderno": "03", "confirmado": "si"})
        body = response.body.decode()
        self.assertIn("hecho &lt;b&gt;bien&lt;/b&gt;", body)
        self.assertNotIn("<b>bien", body)

    # --- actions

    def test_start_posts_to_the_hub(self):
        response = self.post("accion/arrancar", {"alumno": "beto"})
        self.assertEqual(response.code, 200)
        self.assertEqual(self.hub.calls, [("start", "beto")])

    def test_a_post_without_xsrf_is_refused(self):
        response = self.page(
            "accion/arrancar", who=teacher(), method="POST", body=urlencode({"alumno": "beto"})
        )
        self.assertEqual(response.code, 403)
        self.assertEqual(self.hub.calls, [])

    def test_stop_asks_first(self):
        asked = self.post("accion/parar", {"alumno": "ana"})
        self.assertIn("¿Seguro?", asked.body.decode())
        self.assertEqual(self.hub.calls, [])
        self.post("accion/parar", {"alumno": "ana", "confirmado": "si"})
        self.assertEqual(self.hub.calls, [("stop", "ana")])

    def test_reset_notebook_asks_the_lab(self):
        self.post("accion/reiniciar", {"alumno": "ana", "cuaderno": "p1", "confirmado": "si"})
        self.assertEqual(len(self.commands), 1)
        self.assertEqual(self.commands[0][-4:], ["aula", "reiniciar", "ana", "p1"])

    def test_reset_notebook_of_a_stopped_server_says_to_start_it(self):
        body = self.post("accion/reiniciar", {"alumno": "beto", "cuaderno": "03", "confirmado": "si"}).body.decode()
        self.assertIn("arráncalo primero", body)
        self.assertEqual(self.commands, [])

    def test_reset_environment_stops_the_server_first(self):
        self.post("accion/reiniciar-entorno", {"alumno": "ana", "confirmado": "si"})
        self.assertEqual(self.hub.calls, [("stop", "ana")])
        self.assertEqual(self.commands, [["java", "-jar", "/x/capas.jar", "aula", "reiniciar-entorno", "ana"]])

    def test_a_bad_name_never_reaches_a_command(self):
        for bad in ("Ana", "../ana", "ana;rm -rf /", "-ana", "a" * 33, ""):
            response = self.post("accion/reiniciar-entorno", {"alumno": bad, "confirmado": "si"})
            self.assertEqual(response.code, 400, bad)
        response = self.post("accion/reiniciar", {"alumno": "ana", "cuaderno": "03 --x", "confirmado": "si"})
        self.assertEqual(response.code, 400)
        self.assertEqual(self.commands, [])
        self.assertEqual(self.hub.calls, [])

    def test_one_action_at_a_time_per_student(self):
        self._app.settings["panel_busy"].add("beto")
        response = self.post("accion/arrancar", {"alumno": "beto"})
        self.assertEqual(response.code, 409)
        self.assertIn("Ya hay una acción en curso", response.body.decode())
        self.assertEqual(self.hub.calls, [])

    # --- CSV

    def test_the_csv_download_is_the_wide_grid(self):
        response = self.page("cuadro.csv", who=teacher())
        self.assertEqual(response.code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        rows = list(csv.reader(io.StringIO(response.body.decode("utf-8"))))
        self.assertEqual(rows[0][:12], ["alumno", "00", "01", "02", "03", "04", "p1", "p2", "p3", "p4", "p5", "p6"])
        by_name = {r[0]: r for r in rows[1:]}
        self.assertEqual(by_name["ana"][4], "4/5 ✓ · 2 pistas · 1 solución · 2/3 predicciones")
        self.assertIn("'=cmd", by_name)


class BrokenCuadroTest(AsyncHTTPTestCase):
    """The Java command fails: the page says so, escaped; the CSV is refused, not half-made."""

    def get_app(self):
        async def run(argv, timeout=300):
            return 1, f"Exception: {EVIL}"

        return panel.make_app(prefix=PREFIX, hub=FakeHub([user("ana")]), run=run, hub_auth=FakeHubAuth())

    def test_the_grid_shows_the_failure_escaped(self):
        response = self.fetch(PREFIX, headers={"X-Test-User": teacher()})
        body = response.body.decode()
        self.assertEqual(response.code, 200)
        self.assertIn("el cuadro de la clase falló (1)", body)
        self.assertIn("&lt;img", body)
        self.assertNotIn("<img", body)
        self.assertIn(">ana<", body)

    def test_the_csv_is_refused_with_a_spanish_page(self):
        response = self.fetch(PREFIX + "cuadro.csv", headers={"X-Test-User": teacher()})
        self.assertEqual(response.code, 502)
        body = response.body.decode()
        self.assertIn("No se pudo preparar el cuadro", body)
        self.assertNotIn("<img", body)


class FakeHubApi(web.RequestHandler):
    """GET /hub/api/users as the Hub answers it with pagination: two pages."""

    def get(self):
        if self.request.headers.get("Authorization") != "token secreto":
            raise web.HTTPError(403)
        offset = int(self.get_argument("offset", "0"))
        everyone = [user("ana"), user("profe", groups=("profesores",)), user("beto", server="/user/beto/")]
        page = everyone[offset:offset + 2]
        following = {"offset": offset + 2, "limit": 2, "url": "x"} if offset + 2 < len(everyone) else None
        self.write({"items": page, "_pagination": {"offset": offset, "limit": 2, "total": 3, "next": following}})


class FakeHubServer(web.RequestHandler):
    def post(self, name):
        self.set_status(500)
        self.write({"status": 500, "message": "Spawner falló <mal>"})


class HubClientTest(AsyncHTTPTestCase):
    def get_app(self):
        return web.Application([(r"/hub/api/users", FakeHubApi), (r"/hub/api/users/([^/]+)/server", FakeHubServer)])

    def hub(self, token="secreto"):
        return panel.Hub(api_url=self.get_url("/hub/api"), token=token)

    def test_students_follows_pages_and_keeps_every_user(self):
        students = self.io_loop.run_sync(self.hub().students)
        self.assertEqual(sorted(students), ["ana", "beto", "profe"])
        self.assertEqual(panel.server_state(students["beto"]), "en marcha")

    def test_a_refusal_is_a_hub_error(self):
        with self.assertRaises(panel.HubError) as caught:
            self.io_loop.run_sync(self.hub("otro").students)
        self.assertIn("403", str(caught.exception))

    def test_the_hubs_message_is_kept(self):
        with self.assertRaises(panel.HubError) as caught:
            self.io_loop.run_sync(lambda: self.hub().start("ana"))
        self.assertIn("Spawner falló <mal>", str(caught.exception))


class RunCommandTest(unittest.TestCase):
    def test_long_output_keeps_its_tail(self):
        argv = [sys.executable, "-c", "print('x' * 50000 + 'fin')"]
        status, output = asyncio.run(panel.run_command(argv))
        self.assertEqual(status, 0)
        self.assertLessEqual(len(output), panel.OUTPUT_LIMIT + 2)
        self.assertTrue(output.rstrip().endswith("fin"))

    def test_a_missing_program_is_an_answer(self):
        status, output = asyncio.run(panel.run_command(["/nonexistent/programa"]))
        self.assertEqual(status, 127)
        self.assertIn("no se pudo ejecutar", output)


class GridTest(unittest.TestCase):
    def test_pivot_makes_one_row_per_student_and_one_column_per_notebook(self):
        students, notebooks, cells, last = panel.pivot(panel.parse_cuadro(CUADRO), ["dora"])
        self.assertEqual(students, ["<img src=x onerror=alert(1)>", "=cmd", "ana", "beto", "carla", "dora"])
        self.assertEqual(notebooks[:11], list(panel.KNOWN_NOTEBOOKS))
        self.assertEqual(notebooks[11:], [EVIL])
        self.assertEqual(cells[("ana", "03")]["pistas"], "2")
        self.assertNotIn(("carla", ""), cells)
        self.assertEqual(last["ana"], "2026-12-05T11:30:00Z")
        self.assertNotIn("carla", last)

    def test_a_header_other_than_the_contracts_is_refused(self):
        with self.assertRaises(ValueError):
            panel.parse_cuadro("alumno,cuaderno\nana,03\n")

    def test_cell_text_names_only_what_happened(self):
        row = dict.fromkeys(panel.CUADRO_FIELDS, "0")
        row.update(comprobados="3", correctos="3", pistas="1")
        self.assertEqual(panel.cell_text(row), "3/3 ✓ · 1 pista")
        self.assertEqual(panel.cell_text(None), "")

    def test_formula_guard(self):
        for lead in ("=", "+", "-", "@", "\t"):
            self.assertEqual(panel.guard_formula(lead + "1+1"), "'" + lead + "1+1")
        self.assertEqual(panel.guard_formula("ana"), "ana")
        self.assertEqual(panel.guard_formula("4/5 ✓"), "4/5 ✓")

    def test_wide_csv_guards_every_cell_including_notebook_names(self):
        text = panel.wide_csv(["=x"], ["03", "@SUM(A1)"], {}, {"=x": "-1"})
        rows = list(csv.reader(io.StringIO(text)))
        self.assertEqual(rows[0], ["alumno", "03", "'@SUM(A1)", "ultima_actividad"])
        self.assertEqual(rows[1], ["'=x", "", "", "'-1"])


class NamesTest(unittest.TestCase):
    def test_valid_names_follow_the_contract(self):
        for good in ("ana", "a", "ana-b_2", "a" * 32):
            self.assertTrue(panel.valid_name(good), good)
        for bad in ("", "Ana", "1ana", "-ana", "_ana", "ana b", "ana/..", "a" * 33, "ana\n", "añá", None):
            self.assertFalse(panel.valid_name(bad), bad)

    def test_valid_notebooks(self):
        for good in ("00", "03", "p1", "p12"):
            self.assertTrue(panel.valid_notebook(good), good)
        for bad in ("", "3", "p", "--desde", "03\n", "p1;x", "../03"):
            self.assertFalse(panel.valid_notebook(bad), bad)

    def test_command_builders_refuse_bad_names(self):
        with self.assertRaises(ValueError):
            panel.reset_notebook_argv("ana;x", "03")
        with self.assertRaises(ValueError):
            panel.reset_notebook_argv("ana", "--desde")
        with self.assertRaises(ValueError):
            panel.reset_environment_argv("../root")

    def test_cuadro_command_can_be_overridden_by_a_json_argv(self):
        self.assertEqual(
            panel.cuadro_argv({"CAPAS_AULA_JAR": "/j.jar"}),
            ["java", "-jar", "/j.jar", "aula", "cuadro", "--csv"],
        )
        self.assertEqual(panel.cuadro_argv({"CAPAS_AULA_CUADRO": '["/bin/echo", "x"]'}), ["/bin/echo", "x"])
        with self.assertRaises(ValueError):
            panel.cuadro_argv({"CAPAS_AULA_CUADRO": '"echo x"'})


class ServerStateTest(unittest.TestCase):
    def test_states(self):
        self.assertEqual(panel.server_state(user("a", server="/user/a/")), "en marcha")
        self.assertEqual(panel.server_state(user("a")), "parado")
        self.assertEqual(panel.server_state(user("a", pending="spawn")), "arrancando")
        self.assertEqual(panel.server_state(user("a", server="/user/a/", pending="stop")), "parando")
        self.assertEqual(panel.server_state(None), "desconocido")


if __name__ == "__main__":
    unittest.main()
