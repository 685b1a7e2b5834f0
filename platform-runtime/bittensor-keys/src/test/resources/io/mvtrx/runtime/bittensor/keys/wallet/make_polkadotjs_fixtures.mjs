// Writes the polkadot-js keystore fixtures of PolkadotJsKeystoreTest with @polkadot/keyring 14.0.3:
//   npm install @polkadot/keyring@14.0.3 @polkadot/util-crypto@14.0.3 @polkadot/util@14.0.3
//   node make_polkadotjs_fixtures.mjs > out.txt  (line 1: polkadotjs-k3-scrypt.json, line 2: polkadotjs-alice-none.json)
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const pair = keyring.addFromUri('old leopard transfer rib spatial phone calm indicate online fire caution review', { name: 'K3' });
const json = pair.toJson('correct horse battery staple');
console.log(JSON.stringify(json));
const plain = keyring.addFromUri('//Alice', { name: 'Alice' });
console.log(JSON.stringify(plain.toJson()));
console.error(pair.address, u8aToHex(pair.publicKey));
