using System.Text;
using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using TicketSaas.BuildingBlocks.Discord.Interactions;

namespace TicketSaas.Benchmarks;

/// <summary>
/// What the interactions endpoint does per request before any handler runs, on one thread: the Ed25519 check
/// over timestamp + body, and turning the body into its typed event. Operations per second = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
public class InteractionBenchmarks
{
    private const string Timestamp = "1700000000";

    private static readonly byte[] ButtonClick = Encoding.UTF8.GetBytes(
        """{"application_id":"290926444748734465","channel_id":"345626669114982999","data":{"component_type":2,"custom_id":"ticket:claim"},"guild_id":"290926798626357999","id":"846462639134605312","member":{"user":{"id":"53908232506183680","username":"Mason","discriminator":"1337","avatar":"a_d5efa99b3eeaa7dd43acca82f5692432","public_flags":131141},"roles":["290926798626357999"],"permissions":"17179869183","joined_at":"2017-03-13T19:19:14.040000+00:00","deaf":false,"mute":false},"token":"unique_interaction_token","type":3,"version":1,"locale":"en-US","guild_locale":"en-US","app_permissions":"442368"}""");

    private static readonly byte[] ModalSubmit = Encoding.UTF8.GetBytes(
        """{"type":5,"id":"847587388497854464","application_id":"845027738276462632","guild_id":"772904309264089089","channel_id":"772908445358620702","token":"UNIQUE_TOKEN","version":1,"member":{"user":{"id":"53908232506183680","username":"Mason","discriminator":"0","global_name":"Mason"},"roles":["785609923542777878"],"permissions":"17179869183","joined_at":"2020-11-02T19:25:47.248000+00:00","deaf":false,"mute":false},"data":{"custom_id":"ticket:open:1","components":[{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"subject","value":"My order has not arrived"}},{"type":18,"id":3,"component":{"type":4,"id":4,"custom_id":"details","value":"Ordered two weeks ago, tracking shows nothing since Monday. Grüße 🎫"}}]}}""");

    private InteractionSignatureVerifier verifier = null!;
    private string buttonSignature = "";
    private string modalSignature = "";

    [GlobalSetup]
    public void Setup()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        verifier = InteractionSignatureVerifier.FromHex(Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        buttonSignature = Sign(key, ButtonClick);
        modalSignature = Sign(key, ModalSubmit);
        if (!VerifyAndParseButton() || !VerifyAndParseModal())
        {
            throw new InvalidOperationException("The benchmark's own signatures do not verify.");
        }
    }

    private static string Sign(Key key, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(Timestamp), .. body]));

    [Benchmark]
    public bool VerifyOnly() => verifier.Verify(buttonSignature, Timestamp, ButtonClick);

    [Benchmark]
    public InteractionCreated ParseOnly() => InteractionCreated.Parse(ButtonClick);

    [Benchmark(Baseline = true)]
    public bool VerifyAndParseButton() =>
        verifier.Verify(buttonSignature, Timestamp, ButtonClick) && InteractionCreated.Parse(ButtonClick) is ComponentInteractionCreated;

    [Benchmark]
    public bool VerifyAndParseModal() =>
        verifier.Verify(modalSignature, Timestamp, ModalSubmit) && InteractionCreated.Parse(ModalSubmit) is ModalSubmitted;
}
