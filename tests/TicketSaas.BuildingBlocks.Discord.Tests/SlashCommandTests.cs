using System.Text;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.BuildingBlocks.Discord.Tests.Support;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

/// <summary>
/// Slash command payloads in the shape the developer docs give (Interactions › Application Commands: the example
/// interaction, and "Resolved Data Structure" for the entities behind user and channel options).
/// </summary>
public sealed class SlashCommandTests
{
    private const string TicketAdd = """
        {
          "app_permissions": "442368",
          "application_id": "845027738276462632",
          "channel": {
            "flags": 0,
            "guild_id": "290926798626357999",
            "id": "1105201339049578527",
            "last_message_id": "1105201396209451059",
            "member_count": 2,
            "message_count": 3,
            "name": "ticket-0042",
            "owner_id": "845027738276462632",
            "parent_id": "645027906669510667",
            "permissions": "2248473465835073",
            "rate_limit_per_user": 0,
            "thread_metadata": {
              "archive_timestamp": "2026-03-01T10:00:00.000000+00:00",
              "archived": false,
              "auto_archive_duration": 10080,
              "create_timestamp": "2026-03-01T10:00:00.000000+00:00",
              "invitable": false,
              "locked": false
            },
            "total_message_sent": 3,
            "type": 12
          },
          "channel_id": "1105201339049578527",
          "data": {
            "id": "1105199897613955103",
            "name": "ticket",
            "options": [
              {
                "name": "add",
                "options": [
                  { "name": "member", "type": 6, "value": "80351110224678912" },
                  { "name": "note", "type": 3, "value": "knows the billing system" }
                ],
                "type": 1
              }
            ],
            "resolved": {
              "members": {
                "80351110224678912": {
                  "avatar": null,
                  "communication_disabled_until": null,
                  "flags": 0,
                  "joined_at": "2015-04-26T06:26:56.936000+00:00",
                  "nick": "Nelly",
                  "pending": false,
                  "permissions": "2248473465835073",
                  "premium_since": null,
                  "roles": ["41771983423143936"]
                }
              },
              "users": {
                "80351110224678912": {
                  "avatar": "8342729096ea3675442027381ff50dfe",
                  "discriminator": "0",
                  "global_name": "Nelly",
                  "id": "80351110224678912",
                  "public_flags": 64,
                  "username": "nelly"
                }
              }
            },
            "type": 1
          },
          "guild_id": "290926798626357999",
          "guild_locale": "en-US",
          "id": "1105201401024417843",
          "locale": "de",
          "member": {
            "avatar": null,
            "communication_disabled_until": null,
            "deaf": false,
            "flags": 0,
            "joined_at": "2017-03-13T19:19:14.040000+00:00",
            "mute": false,
            "nick": null,
            "pending": false,
            "permissions": "2248473465835073",
            "premium_since": null,
            "roles": ["539082325061836999"],
            "user": {
              "avatar": "a_d5efa99b3eeaa7dd43acca82f5692432",
              "discriminator": "0",
              "global_name": "Mason",
              "id": "53908232506183680",
              "public_flags": 131141,
              "username": "mason"
            }
          },
          "token": "A_UNIQUE_TOKEN",
          "type": 2,
          "version": 1
        }
        """;

    [Fact]
    public void A_subcommand_with_a_user_option_reads_the_user_discord_resolved()
    {
        var command = Parse(TicketAdd);

        Assert.Equal(("ticket", "add"), (command.CommandName, command.Subcommand));
        Assert.Equal(1105199897613955103UL, command.Interaction.Data!.CommandId);
        Assert.Equal(80351110224678912UL, command.Snowflake("member"));
        Assert.Equal("nelly", command.User("member")!.Username);
        Assert.Equal("Nelly", command.Interaction.Data.Resolved!.Members![80351110224678912UL].Nick);
        Assert.Equal("knows the billing system", command.String("note"));
        Assert.Equal(53908232506183680UL, command.Interaction.Invoker!.Id);
        Assert.Equal(["member", "note"], command.Options.Select(o => o.Name));
    }

    [Fact]
    public void An_accessor_of_another_type_or_name_answers_null()
    {
        var command = Parse(TicketAdd);

        Assert.Null(command.String("member"));
        Assert.Null(command.Integer("note"));
        Assert.Null(command.Snowflake("note"));
        Assert.Null(command.Channel("member"));
        Assert.Null(command.String("add"));
        Assert.Null(command.User("reason"));
    }

    [Fact]
    public void A_channel_option_reads_the_partial_channel_discord_resolved()
    {
        var command = Parse("""
            {
              "id": "1105201401024417844", "application_id": "845027738276462632", "type": 2, "token": "A_UNIQUE_TOKEN", "version": 1,
              "guild_id": "290926798626357999", "channel_id": "1105201339049578527",
              "member": { "user": { "id": "53908232506183680", "username": "mason" }, "roles": [], "permissions": "2248473465835073" },
              "data": {
                "id": "1105199897613955103", "name": "ticket", "type": 1,
                "options": [ { "name": "move", "type": 1, "options": [ { "name": "category", "type": 7, "value": "1105190000000000000" } ] } ],
                "resolved": {
                  "channels": {
                    "1105190000000000000": { "id": "1105190000000000000", "name": "Billing", "type": 4, "flags": 0, "parent_id": null, "permissions": "2248473465835073" }
                  }
                }
              }
            }
            """);

        Assert.Equal("move", command.Subcommand);
        var category = command.Channel("category")!;
        Assert.Equal(("Billing", ChannelType.GuildCategory), (category.Name, category.Type));
        Assert.Equal((Permissions)2248473465835073UL, category.Permissions);
        Assert.Null(command.User("category"));
    }

    [Fact]
    public void Integer_and_mentionable_options_without_a_subcommand_are_read_from_the_command()
    {
        var command = Parse("""
            {
              "id": "1105201401024417845", "application_id": "845027738276462632", "type": 2, "token": "A_UNIQUE_TOKEN", "version": 1,
              "guild_id": "290926798626357999", "channel_id": "645027906669510667",
              "member": { "user": { "id": "53908232506183680", "username": "mason" }, "roles": [], "permissions": "8" },
              "data": {
                "id": "1105199897613955200", "name": "stats", "type": 1,
                "options": [ { "name": "days", "type": 4, "value": 30 }, { "name": "team", "type": 9, "value": "41771983423143936" } ],
                "resolved": { "roles": { "41771983423143936": { "id": "41771983423143936", "name": "Support", "color": 0, "hoist": false, "position": 1, "permissions": "0", "managed": false, "mentionable": true, "flags": 0 } } }
              }
            }
            """);

        Assert.Equal(("stats", null), (command.CommandName, command.Subcommand));
        Assert.Equal(30L, command.Integer("days"));
        Assert.Equal(41771983423143936UL, command.Snowflake("team"));
        Assert.Null(command.User("team"));
    }

    [Fact]
    public void User_and_message_commands_stay_plain_interactions()
    {
        var json = """
            {
              "id": "1105201401024417846", "application_id": "845027738276462632", "type": 2, "token": "A_UNIQUE_TOKEN", "version": 1,
              "data": { "id": "1105199897613955300", "name": "Open a ticket about this", "type": 3, "target_id": "1105201396209451059" }
            }
            """;

        var created = InteractionCreated.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(typeof(InteractionCreated), created.GetType());
    }

    private static SlashCommandInvoked Parse(string json)
    {
        // Strict first: every field of these payloads is modelled; then the production parser.
        StrictJson.Parse<DiscordInteraction>(json);
        return Assert.IsType<SlashCommandInvoked>(InteractionCreated.Parse(Encoding.UTF8.GetBytes(json)));
    }
}
