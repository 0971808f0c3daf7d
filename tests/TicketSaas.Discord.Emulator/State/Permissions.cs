namespace TicketSaas.Discord.Emulator.State;

/// <summary>The permission bits the emulator reasons about (Discord's values).</summary>
public static class Permissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong SendMessagesInThreads = 1UL << 38;

    /// <summary>What an owner or administrator holds: every bit Discord defines up to 1 &lt;&lt; 50.</summary>
    public const ulong All = (1UL << 51) - 1;

    /// <summary>What a freshly seeded @everyone role allows.</summary>
    public const ulong EveryoneDefault = ViewChannel | SendMessages | ReadMessageHistory | SendMessagesInThreads;
}
