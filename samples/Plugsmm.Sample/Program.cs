// The sample host. With no arguments it runs its main job on a built-in default: no account, no API key.
// Until the typed client, the simulated panel and the bot land, that job shows what every request of the
// SDK goes through: a boost order encoded exactly as the PHP panel reads it.
using Plugsmm.Sample;

return EncodingDemo.Run(Console.Out);
