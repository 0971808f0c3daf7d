// Logs discord.js in against the Discord emulator, lists its guilds, posts one message, prints a JSON summary.
// Usage: node login.js <REST API base without version, e.g. http://127.0.0.1:5000/api> <bot token> <channel id>
const { Client, Events, GatewayIntentBits } = require('discord.js');

const [api, token, channelId] = process.argv.slice(2);
const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
  rest: { api },
});
const giveUp = setTimeout(() => {
  console.error('discord.js was not ready within 20 s');
  process.exit(3);
}, 20000);

client.once(Events.ClientReady, async (ready) => {
  try {
    const guilds = ready.guilds.cache.map((guild) => ({ id: guild.id, name: guild.name, channels: guild.channels.cache.size }));
    const channel = await ready.channels.fetch(channelId);
    const message = await channel.send('hello from discord.js');
    console.log(JSON.stringify({ user: ready.user.id, guilds, messageId: message.id }));
    clearTimeout(giveUp);
    await ready.destroy();
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
});
client.login(token).catch((error) => {
  console.error(error);
  process.exit(1);
});
