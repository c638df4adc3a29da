"""Argon2 with parameters for a server that logs in a room full of people at once.

Django's defaults (argon2-cffi's: 100 MiB and 8 lanes per check) cost about 280 ms of CPU
and 100 MiB of memory per login; 200 people logging in within a few seconds then queue for
many seconds on two cores. OWASP's first recommended Argon2id profile (19 MiB, 2 iterations,
1 lane) is still memory-hard and far cheaper per check. The algorithm name stays "argon2", so
existing hashes keep working and Django rewrites them with these parameters at the next
successful login (``must_update``).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class ServerArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
