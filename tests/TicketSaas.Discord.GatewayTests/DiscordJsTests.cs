using System.Diagnostics;
using System.Text.Json;
using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.Gateway;
using TicketSaas.Testing;

namespace TicketSaas.Discord.GatewayTests;

/// <summary>
/// A client we did not write, discord.js 14.28.1 (npm, installed by "npm ci" in node/), logs in against the
/// emulator's REST API and gateway: the emulator speaks the protocol, not just what our adapter expects.
/// </summary>
public sealed class DiscordJsTests
{
    [SkippableFact]
    public async Task Discord_js_logs_in_sees_its_guilds_and_posts_a_message()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "TicketSaas.Discord.GatewayTests", "node");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "discord.js")))
        {
            Unavailable($"discord.js is not installed: run \"npm ci\" in {folder}.");
        }

        await using var emulator = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions { GatewayHeartbeatInterval = TimeSpan.FromSeconds(1) });
        var owner = emulator.State.AddUser("owner");
        var guild = emulator.State.AddGuild("Support", owner.Id, emulator.Bot);
        var channel = emulator.State.AddTextChannel(guild.Id, "tickets");

        var (exitCode, output, errors) = await RunNodeAsync(folder, "login.js", new Uri(emulator.BaseUri, "api").ToString(), emulator.Bot.Token, channel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(exitCode == 0, $"discord.js failed ({exitCode}): {errors}");
        using var summary = JsonDocument.Parse(output);
        var seen = Assert.Single(summary.RootElement.GetProperty("guilds").EnumerateArray());
        Assert.Equal((guild.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Support", 1),
            (seen.GetProperty("id").GetString(), seen.GetProperty("name").GetString(), seen.GetProperty("channels").GetInt32()));
        var posted = Assert.Single(emulator.State.Messages(channel.Id));
        Assert.Equal(("hello from discord.js", emulator.Bot.ApplicationId), (posted.Content, posted.AuthorId));
        Assert.Equal(posted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), summary.RootElement.GetProperty("messageId").GetString());
        Assert.Single(emulator.Gateway.Log, e => e.Kind == GatewayLogKind.Identified);
        Assert.All(emulator.Requests.All, request => Assert.Empty(request.SpecViolations));
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunNodeAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Unavailable($"node could not be started ({exception.Message}).");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw new TimeoutException($"discord.js did not finish within 30 s: {await errors}");
            }

            return (process.ExitCode, await output, await errors);
        }
    }

    /// <summary>Fails under CI (CI is set), where "npm ci" is part of the build; skips elsewhere.</summary>
    private static void Unavailable(string reason)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(reason);
        }

        throw new SkipException(reason);
    }
}
