using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.BuildingBlocks.Discord.Tests.Support;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

/// <summary>The interactions endpoint on a real Kestrel bound to 127.0.0.1, port chosen by the system.</summary>
public sealed class InteractionEndpointTests : IAsyncLifetime
{
    private const string Ping = """{"type":1,"id":"847587388497854464","application_id":"845027738276462632","token":"t","version":1}""";
    private const string Click =
        """{"type":3,"id":"846462639134605312","application_id":"290926444748734465","token":"t","version":1,"data":{"custom_id":"claim","component_type":2}}""";

    private readonly InteractionSigner signer = new();
    private readonly RecordingHandler handler = new();
    private WebApplication? app;
    private HttpClient client = new();

    public async Task InitializeAsync()
    {
        app = CreateApp(signer.PublicKeyHex, handler);
        app.MapDiscordInteractions("/interactions");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        signer.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private static WebApplication CreateApp(string? publicKey, IDiscordInteractionHandler? handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:PublicKey"] = publicKey });
        builder.Services.AddDiscordInteractions(builder.Configuration.GetSection("Discord"));
        if (handler is not null)
        {
            builder.Services.AddSingleton(handler);
        }

        return builder.Build();
    }

    private Task<HttpResponseMessage> PostAsync(SignedRequest request, bool withHeaders = true)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = new("application/json");
        if (withHeaders)
        {
            message.Headers.Add("X-Signature-Ed25519", request.Signature);
            message.Headers.Add("X-Signature-Timestamp", request.Timestamp);
        }

        return client.SendAsync(message);
    }

    [Fact]
    public async Task A_signed_ping_is_answered_with_pong()
    {
        using var response = await PostAsync(signer.Sign("ping", "1700000000", Ping));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(handler.Seen);
    }

    [Fact]
    public async Task Every_tampered_request_is_refused_with_401_before_any_handler_runs()
    {
        using var stranger = new InteractionSigner();
        var tampered = signer.Cases("click", Click)
            .Where(c => !c.Valid && c.Request.PublicKeyHex == signer.PublicKeyHex)
            .Select(c => c.Request)
            .Append(stranger.Sign("click signed with another application's key", "1700000000", Click));
        foreach (var request in tampered)
        {
            using var response = await PostAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{request.Name}: {response.StatusCode}");
        }

        using var unsigned = await PostAsync(signer.Sign("click", "1700000000", Click), withHeaders: false);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Empty(handler.Seen);
    }

    [Fact]
    public async Task A_signed_component_click_reaches_the_handler_and_its_response_is_returned()
    {
        using var response = await PostAsync(signer.Sign("click", "1700000000", Click));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(4, json["type"]!.GetValue<int>());
        Assert.Equal("Claimed by you", json["data"]!["content"]!.GetValue<string>());
        Assert.Equal(64, json["data"]!["flags"]!.GetValue<int>());
        var click = Assert.IsType<ComponentInteractionCreated>(Assert.Single(handler.Seen));
        Assert.Equal("claim", click.CustomId);
    }

    [Fact]
    public async Task An_interaction_no_handler_claims_gets_404()
    {
        var body = Click.Replace("claim", "unknown", StringComparison.Ordinal);
        using var response = await PostAsync(signer.Sign("unknown", "1700000000", body));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_interaction_gets_400()
    {
        using var response = await PostAsync(signer.Sign("garbage", "1700000000", """{"type":"one"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-key")]
    public void The_endpoint_refuses_to_start_without_a_valid_public_key(string? publicKey)
    {
        var error = Assert.Throws<OptionsValidationException>(() => CreateApp(publicKey, null).MapDiscordInteractions("/interactions"));

        Assert.Contains("Discord:PublicKey must be set to the application's public key (64 hex characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:Interactions:Enabled", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingHandler : IDiscordInteractionHandler
    {
        public List<InteractionCreated> Seen { get; } = [];

        public ValueTask<DiscordInteractionResponse?> HandleAsync(InteractionCreated interaction, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add(interaction);
            }

            return ValueTask.FromResult(interaction is ComponentInteractionCreated { CustomId: "claim" }
                ? DiscordInteractionResponse.Reply(new DiscordMessageBuilder().WithContent("Claimed by you").AsEphemeral())
                : null);
        }
    }
}
