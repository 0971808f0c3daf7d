'use strict';
// Reads [{publicKey, signature, timestamp, body}] as JSON on stdin (body in base64, the exact bytes signed)
// and prints discord-interactions' verifyKey verdict for each, in order, as a JSON array of booleans.
const { verifyKey } = require('discord-interactions');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const verdicts = [];
  for (const c of JSON.parse(input)) {
    verdicts.push(await verifyKey(Buffer.from(c.body, 'base64'), c.signature, c.timestamp, c.publicKey));
  }
  process.stdout.write(JSON.stringify(verdicts));
});
