using TicketSaas.Discord.Emulator.Gateway;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.RateLimiting;
using TicketSaas.Discord.Emulator.Spec;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Http;

/// <summary>The parts of one emulator that its pipeline and endpoints share.</summary>
internal sealed record EmulatorServices(
    DiscordEmulatorOptions Options,
    EmulatorState State,
    BotApplication PrimaryBot,
    RateLimiter RateLimiter,
    FaultInjector Faults,
    RequestLog Log,
    OpenApiSpec? Spec,
    CdnLinks Cdn,
    Renderer Renderer,
    OAuthServer OAuth,
    InteractionSender Interactions,
    GatewayServer Gateway);
