"""Capas's classroom server: the pieces the Hub loads (authenticator, spawner, panel).

Run by Debian's /usr/bin/python3 with Debian's jupyterhub (3.0 on Debian 12, 5.2 on Debian 13):
standard library, jupyterhub, tornado and traitlets only.
"""
