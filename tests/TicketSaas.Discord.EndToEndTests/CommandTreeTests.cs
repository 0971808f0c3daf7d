using TicketSaas.BuildingBlocks.Discord;
using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.Discord.EndToEndTests;

/// <summary>
/// The support desk's command tree, registered by the adapter: Discord's OpenAPI document must accept it globally
/// and per guild, and the emulator must then know it in each scope.
/// </summary>
public class CommandTreeTests
{
    [SkippableFact]
    public async Task The_ticket_and_blocklist_tree_registers_globally_and_per_guild_within_the_spec()
    {
        await using var scene = await Scene.StartAsync();
        var applicationId = scene.Emulator.Bot.ApplicationId;

        var global = await scene.Client.BulkOverwriteGlobalCommandsAsync(applicationId, Tree());
        var guild = await scene.Client.BulkOverwriteGuildCommandsAsync(applicationId, scene.Guild.Id, Tree());
        var again = await scene.Client.BulkOverwriteGuildCommandsAsync(applicationId, scene.Guild.Id, Tree());

        Assert.Empty(scene.Emulator.Requests.SpecViolations);
        Assert.All(scene.Emulator.Requests.All, r => Assert.Equal(200, r.Status));
        Assert.Equal(["ticket", "blocklist"], guild.Select(c => c.Name));
        Assert.Equal(guild.Select(c => c.Id), again.Select(c => c.Id));
        Assert.Empty(global.Select(c => c.Id).Intersect(guild.Select(c => c.Id)));
        var blocklist = guild.Single(c => c.Name == "blocklist");
        Assert.Equal(Permissions.ManageGuild, blocklist.DefaultMemberPermissions);
        Assert.Equal(["add", "remove", "list"], blocklist.Options!.Select(o => o.Name));
        Assert.Equal([ChannelType.GuildCategory], guild[0].Options!.Single(o => o.Name == "move").Options![0].ChannelTypes);
        Assert.Equal(2, scene.Emulator.State.Commands(applicationId).Count);
        Assert.Equal(2, scene.Emulator.State.GuildCommands(applicationId, scene.Guild.Id).Count);
    }

    internal static IReadOnlyList<DiscordApplicationCommand> Tree() =>
    [
        new DiscordApplicationCommand
        {
            Name = "ticket",
            Description = "Work on the ticket of this thread",
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                Subcommand("claim", "Take the ticket over"),
                Subcommand("close", "Close the ticket", Option(ApplicationCommandOptionType.String, "reason", "Why it is closed", maxLength: 500)),
                Subcommand("rename", "Rename the ticket", Option(ApplicationCommandOptionType.String, "name", "The new name", required: true, minLength: 1, maxLength: 100)),
                Subcommand("move", "Move the ticket to another category",
                    Option(ApplicationCommandOptionType.Channel, "category", "Where to", required: true, channelTypes: [ChannelType.GuildCategory])),
                Subcommand("add", "Add someone to the ticket", Option(ApplicationCommandOptionType.Mentionable, "who", "A member or a role", required: true)),
                Subcommand("remove", "Remove someone from the ticket", Option(ApplicationCommandOptionType.Mentionable, "who", "A member or a role", required: true)),
                Subcommand("reopen", "Reopen a closed ticket"),
            ],
        },
        new DiscordApplicationCommand
        {
            Name = "blocklist",
            Description = "Who may not open tickets",
            DefaultMemberPermissions = Permissions.ManageGuild,
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                Subcommand("add", "Block a member",
                    Option(ApplicationCommandOptionType.User, "member", "Who", required: true),
                    Option(ApplicationCommandOptionType.String, "reason", "Why", maxLength: 200)),
                Subcommand("remove", "Unblock a member", Option(ApplicationCommandOptionType.User, "member", "Who", required: true)),
                Subcommand("list", "Show the blocked members", Option(ApplicationCommandOptionType.Integer, "page", "Which page")),
            ],
        },
    ];

    private static DiscordApplicationCommandOption Subcommand(string name, string description, params DiscordApplicationCommandOption[] options) =>
        new() { Type = ApplicationCommandOptionType.SubCommand, Name = name, Description = description, Options = options };

    private static DiscordApplicationCommandOption Option(ApplicationCommandOptionType type, string name, string description,
        bool required = false, int? minLength = null, int? maxLength = null, IReadOnlyList<ChannelType>? channelTypes = null) => new()
        {
            Type = type,
            Name = name,
            Description = description,
            Required = required ? true : null,
            MinLength = minLength,
            MaxLength = maxLength,
            ChannelTypes = channelTypes,
        };
}
