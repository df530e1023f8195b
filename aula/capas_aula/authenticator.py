"""Logs a student or a teacher in with the account Capas wrote in cuentas.json.

The accounts file is written by Java (``java -jar capas.jar aula cuentas alumnos.csv``,
class capas.aula.Accounts) in the format of the Aula contract::

    {"v": 1, "cuentas": [{"nombre": "ana", "rol": "alumno",
                          "hash": "pbkdf2_sha256$600000$<salt b64>$<hash b64>", "indice": 0}]}

This module only reads it, again whenever it changes, so new accounts and new passwords apply
without restarting the Hub. Each login puts the user in the Hub group of their role
(``alumnos`` or ``profesores``), which the Hub's roles and the panel rely on.
"""

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import os

from jupyterhub.auth import Authenticator
from traitlets import Unicode, default

ACCOUNTS_FILE = "cuentas.json"
FORMAT_VERSION = 1
DEFAULT_DIR = "/var/lib/capas-aula"
GROUPS = {"alumno": "alumnos", "profesor": "profesores"}
# A known name and an unknown one cost the same time, so the login page does not tell which names exist.
_DUMMY_HASH = "pbkdf2_sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="


def verify(password, encoded):
    """Whether ``encoded`` (``pbkdf2_sha256$<iterations>$<salt>$<hash>``) is the hash of ``password``."""
    try:
        scheme, iterations, salt, expected = encoded.split("$")
        iterations = int(iterations)
        salt = base64.b64decode(salt, validate=True)
        expected = base64.b64decode(expected, validate=True)
    except (AttributeError, ValueError, binascii.Error):
        return False
    if scheme != "pbkdf2_sha256" or iterations < 1 or not expected:
        return False
    actual = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, dklen=len(expected))
    return hmac.compare_digest(actual, expected)


class CapasAuthenticator(Authenticator):
    """The accounts of ``$CAPAS_AULA_DIR/cuentas.json`` (default ``/var/lib/capas-aula``)."""

    aula_dir = Unicode(
        help="Folder with cuentas.json (root's, 0700). Default: $CAPAS_AULA_DIR or /var/lib/capas-aula.",
    ).tag(config=True)

    @default("aula_dir")
    def _default_aula_dir(self):
        return os.environ.get("CAPAS_AULA_DIR") or DEFAULT_DIR

    @default("manage_groups")
    def _default_manage_groups(self):
        return True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._accounts = {}
        self._stamp = None

    @property
    def accounts_file(self):
        return os.path.join(self.aula_dir, ACCOUNTS_FILE)

    def accounts(self):
        """The accounts by name, read again when the file changed (it is replaced whole, by a rename)."""
        try:
            st = os.stat(self.accounts_file)
        except OSError as e:
            if self._stamp is not None or not self._accounts:
                self.log.warning("Capas: no se pueden leer las cuentas de %s: %s", self.accounts_file, e)
            self._accounts, self._stamp = {}, None
            return self._accounts
        stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        if stamp != self._stamp:
            try:
                self._accounts = self._read()
                self._stamp = stamp
            except (OSError, ValueError) as e:
                # Keep the accounts read last: a broken file must not lock the whole class out.
                self.log.error("Capas: las cuentas de %s no se pueden leer (%s); se siguen usando las anteriores",
                               self.accounts_file, e)
        return self._accounts

    def _read(self):
        with open(self.accounts_file, encoding="utf-8") as f:
            data = json.load(f)
        if not isinstance(data, dict) or data.get("v") != FORMAT_VERSION:
            raise ValueError("versión de formato desconocida: %r" % (data.get("v") if isinstance(data, dict) else data))
        accounts = {}
        for a in data.get("cuentas", []):
            if isinstance(a, dict) and isinstance(a.get("nombre"), str) and a.get("rol") in GROUPS:
                accounts[a["nombre"]] = a
        return accounts

    def check_allowed(self, username, authentication=None):
        # Exactly the accounts in the file: JupyterHub 5 lets nobody in without an allow rule.
        return username in self.accounts()

    async def authenticate(self, handler, data):
        name = self.normalize_username((data or {}).get("username") or "")
        password = (data or {}).get("password") or ""
        account = self.accounts().get(name)
        encoded = account.get("hash", "") if account else _DUMMY_HASH
        # PBKDF2 takes a good part of a second: off the Hub's event loop.
        ok = await asyncio.get_running_loop().run_in_executor(None, verify, password, encoded)
        if not ok or account is None:
            self.log.warning("Capas: inicio de sesión rechazado para %r", name)
            return None
        return {"name": name, "groups": [GROUPS[account["rol"]]]}
