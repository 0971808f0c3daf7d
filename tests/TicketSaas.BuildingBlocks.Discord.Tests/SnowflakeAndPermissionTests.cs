using System.Text.Json.Nodes;
using TicketSaas.Testing;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

public sealed class SnowflakeAndPermissionTests
{
    /// <summary>security/snowflakes.json: decode cases and paging bounds.</summary>
    [SkippableFact]
    public void Snowflakes_decode_to_their_creation_time()
    {
        var vectors = JsonNode.Parse(SharedData.ReadText("discord/vectors/security/snowflakes.json"))!;
        foreach (var item in vectors["decode"]!.AsArray())
        {
            var id = ulong.Parse(item!["snowflake"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(item["timestamp_ms"]!.GetValue<long>(), Snowflake.CreatedAt(id).ToUnixTimeMilliseconds());
        }

        foreach (var item in vectors["encode_for_pagination"]!.AsArray())
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(item!["timestamp_ms"]!.GetValue<long>());
            Assert.Equal(item["snowflake"]!.GetValue<string>(), Snowflake.FirstAt(time).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_time_before_the_discord_epoch_has_no_snowflake() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Snowflake.FirstAt(new DateTimeOffset(2014, 12, 31, 0, 0, 0, TimeSpan.Zero)));

    /// <summary>security/permissions.json: the decimal strings decoded bit by bit.</summary>
    [SkippableFact]
    public void Permission_strings_decode_to_the_documented_bits()
    {
        var bits = new Dictionary<string, Permissions>
        {
            ["ADMINISTRATOR_1<<3"] = Permissions.Administrator,
            ["MANAGE_GUILD_1<<5"] = Permissions.ManageGuild,
            ["MANAGE_THREADS_1<<34"] = Permissions.ManageThreads,
            ["CREATE_PRIVATE_THREADS_1<<36"] = Permissions.CreatePrivateThreads,
            ["SEND_MESSAGES_IN_THREADS_1<<38"] = Permissions.SendMessagesInThreads,
            ["VIEW_CHANNEL_1<<10"] = Permissions.ViewChannel,
        };
        var cases = JsonNode.Parse(SharedData.ReadText("discord/vectors/security/permissions.json"))!["cases"]!.AsArray();
        Assert.NotEmpty(cases);
        foreach (var item in cases)
        {
            var permissions = PermissionsExtensions.Parse(item!["permissions"]!.GetValue<string>());
            Assert.Equal(item["permissions"]!.GetValue<string>(), permissions.ToWireString());
            foreach (var (name, bit) in bits)
            {
                Assert.True(item[name]!.GetValue<bool>() == permissions.HasFlag(bit), $"{item["permissions"]} {name}");
            }
        }
    }

    [Fact]
    public void Administrator_grants_everything_and_other_sets_only_their_bits()
    {
        Assert.True(Permissions.Administrator.Grants(Permissions.ManageThreads | Permissions.ManageGuild));
        Assert.True((Permissions.ManageThreads | Permissions.ViewChannel).Grants(Permissions.ManageThreads));
        Assert.False(Permissions.ViewChannel.Grants(Permissions.ViewChannel | Permissions.ManageThreads));
    }

    [Theory]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("9007199254740993", 9007199254740993UL)]
    public void Permission_strings_beyond_double_precision_keep_every_bit(string wire, ulong expected) =>
        Assert.Equal(expected, (ulong)PermissionsExtensions.Parse(wire));

    [Theory]
    [InlineData("")]
    [InlineData("-8")]
    [InlineData("8.0")]
    [InlineData("18446744073709551616")]
    public void Malformed_permission_strings_are_refused(string wire)
    {
        var error = Assert.Throws<FormatException>(() => PermissionsExtensions.Parse(wire));
        Assert.Equal($"\"{wire}\" is not a Discord permission set: expected a decimal string such as \"2147483647\".", error.Message);
    }
}
