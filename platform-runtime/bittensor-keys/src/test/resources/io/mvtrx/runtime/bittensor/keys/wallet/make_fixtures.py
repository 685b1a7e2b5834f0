#!/usr/bin/python3
"""Writes the encrypted keyfile fixtures of WalletFixturesTest with independent implementations.

Run once with Debian 12's python3-nacl (libsodium), python3-cryptography and ansible-core:
    apt-get install python3-nacl python3-cryptography ansible-core
    /usr/bin/python3 make_fixtures.py
The plaintext is the btwallet keyfile JSON of vector K3 (bittensor.md section 2.3). Nonces and salts are random,
so every run writes different bytes that decrypt to the same plaintext.
"""
import base64
import json

import nacl.pwhash.argon2i
import nacl.secret
import nacl.utils
from ansible.constants import DEFAULT_VAULT_ID_MATCH
from ansible.parsing.vault import VaultLib, VaultSecret
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PASSWORD = "correct horse battery staple"
NACL_SALT = bytes.fromhex("137183dff15a09bc9c90b5518739e9b1")
LEGACY_SALT = b"Iguesscyborgslikemyselfhaveatendencytobeparanoidaboutourorigins"

K3 = {
    "accountId": "0xe4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446",
    "publicKey": "0xe4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446",
    "privateKey": "0x1f1995bdf3a17b60626a26cfe6f564b337d46056b7a1281b64c649d592ccda0a"
                  "9cffd34d9fb01cae1fba61aeed184c817442a2186d5172416729a4b54dd4b84e",
    "secretPhrase": "old leopard transfer rib spatial phone calm indicate online fire caution review",
    "secretSeed": "0xda3cf5b1e9144931a0f0db65664aab662673b099415a7f8121b7245fb0be4143",
    "ss58Address": "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX",
}
PLAIN = json.dumps(K3, separators=(",", ":")).encode()


def nacl_file(opslimit, memlimit):
    key = nacl.pwhash.argon2i.kdf(nacl.secret.SecretBox.KEY_SIZE, PASSWORD.encode(), NACL_SALT,
                                  opslimit=opslimit, memlimit=memlimit)
    return b"$NACL" + bytes(nacl.secret.SecretBox(key).encrypt(PLAIN))


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


write("k3-plain.json", PLAIN)
write("k3-nacl.keyfile", nacl_file(nacl.pwhash.argon2i.OPSLIMIT_SENSITIVE, nacl.pwhash.argon2i.MEMLIMIT_SENSITIVE))
# the same construction at the lowest Argon2i cost libsodium allows: checks the parameter mapping quickly
write("k3-nacl-cheap.keyfile", nacl_file(3, 8192 * 1024))
vault = VaultLib([(DEFAULT_VAULT_ID_MATCH, VaultSecret(PASSWORD.encode()))])
write("k3-ansible-vault.keyfile", vault.encrypt(PLAIN))
kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), salt=LEGACY_SALT, length=32, iterations=10000000)
write("k3-legacy-fernet.keyfile", Fernet(base64.urlsafe_b64encode(kdf.derive(PASSWORD.encode()))).encrypt(PLAIN))
