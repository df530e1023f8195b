"""CapasAuthenticator against hashes Java wrote (capas.aula.Passwords): run with
/usr/bin/python3 -m unittest discover -s aula/tests
"""

import asyncio
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from capas_aula.authenticator import CapasAuthenticator, verify  # noqa: E402

# Made by capas.aula.Passwords.hash (Java); PasswordsTest.theFixturesThePythonTestUsesVerify checks them there too.
ANA_CODE = "k7mq-t3xe-9hpa"
ANA_HASH = "pbkdf2_sha256$600000$2yTDLYO0YWssxDxpnw3GXA==$dQkVOkGSbP8aGhDUlynIO/OPJN3BL13XLplx+jUywJM="
MARTA_PASSWORD = "contraseña-de-ñandú"
MARTA_HASH = "pbkdf2_sha256$600000$NO43qtILPu/ob5SqnnqvWw==$R4cefLZ1XfyCdp4a6EaOilX1zCYzsld92obbJdDqVX0="


def accounts(*entries):
    return {"v": 1, "cuentas": [{"nombre": n, "rol": r, "hash": h, "indice": i} for i, (n, r, h) in enumerate(entries)]}


class CapasAuthenticatorTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.write(accounts(("ana", "alumno", ANA_HASH), ("marta", "profesor", MARTA_HASH)))
        self.auth = CapasAuthenticator(aula_dir=self.dir.name)

    def write(self, content):
        # As Java does: a new file renamed over the old one.
        temp = os.path.join(self.dir.name, ".cuentas.tmp")
        with open(temp, "w", encoding="utf-8") as f:
            json.dump(content, f)
        os.replace(temp, os.path.join(self.dir.name, "cuentas.json"))

    def login(self, name, password):
        return asyncio.run(self.auth.authenticate(None, {"username": name, "password": password}))

    def test_a_hash_java_made_verifies_with_its_password_only(self):
        self.assertTrue(verify(ANA_CODE, ANA_HASH))
        self.assertTrue(verify(MARTA_PASSWORD, MARTA_HASH))
        self.assertFalse(verify("k7mq-t3xe-9hpb", ANA_HASH))
        self.assertFalse(verify(ANA_CODE, "pbkdf2_sha256$600000$%%%$abc="))
        self.assertFalse(verify(ANA_CODE, ""))

    def test_a_student_logs_in_into_the_group_alumnos(self):
        self.assertEqual(self.login("ana", ANA_CODE), {"name": "ana", "groups": ["alumnos"]})

    def test_a_teacher_logs_in_into_the_group_profesores(self):
        self.assertEqual(self.login("marta", MARTA_PASSWORD), {"name": "marta", "groups": ["profesores"]})

    def test_a_wrong_password_is_refused(self):
        self.assertIsNone(self.login("ana", "k7mq-t3xe-9hpb"))
        self.assertIsNone(self.login("ana", ""))

    def test_an_unknown_user_is_refused_even_with_a_valid_code(self):
        self.assertIsNone(self.login("pedro", ANA_CODE))
        self.assertFalse(self.auth.check_allowed("pedro"))
        self.assertTrue(self.auth.check_allowed("ana"))

    def test_groups_are_managed_by_the_authenticator(self):
        self.assertTrue(self.auth.manage_groups)

    def test_the_file_is_read_again_when_it_changes(self):
        self.assertIsNone(self.login("eva", ANA_CODE))
        self.write(accounts(("ana", "alumno", MARTA_HASH), ("eva", "alumno", ANA_HASH)))
        self.assertEqual(self.login("eva", ANA_CODE), {"name": "eva", "groups": ["alumnos"]})
        self.assertIsNone(self.login("ana", ANA_CODE))
        self.assertIsNone(self.login("marta", MARTA_PASSWORD))

    def test_a_damaged_file_keeps_the_accounts_read_before(self):
        self.assertTrue(self.auth.check_allowed("ana"))
        with open(os.path.join(self.dir.name, "cuentas.json"), "w", encoding="utf-8") as f:
            f.write('{"v": 1, "cuentas": [')
        with self.assertLogs(self.auth.log, level="ERROR"):
            self.assertEqual(self.login("ana", ANA_CODE), {"name": "ana", "groups": ["alumnos"]})

    def test_the_folder_comes_from_capas_aula_dir(self):
        old = os.environ.get("CAPAS_AULA_DIR")
        os.environ["CAPAS_AULA_DIR"] = self.dir.name
        try:
            self.assertEqual(CapasAuthenticator().accounts_file, os.path.join(self.dir.name, "cuentas.json"))
        finally:
            if old is None:
                del os.environ["CAPAS_AULA_DIR"]
            else:
                os.environ["CAPAS_AULA_DIR"] = old


if __name__ == "__main__":
    unittest.main()
