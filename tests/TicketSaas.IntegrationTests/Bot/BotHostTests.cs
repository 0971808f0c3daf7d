extern alias bot;
using System.Net;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Domain;
using TicketSaas.Testing;
using EphemeralErrorReply = bot::TicketSaas.Host.DiscordBot.Interactions.EphemeralErrorReply;
using BotProgram = bot::Program;

namespace TicketSaas.IntegrationTests.Bot;

public sealed class BotHostTests
{
    [Fact]
    public async Task The_bot_host_composes_every_module_and_is_ready_on_a_fresh_database()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var factory = new WebApplicationFactory<BotProgram>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in database.Settings)
            {
                builder.UseSetting(key, value);
            }
        });
        using var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.All(["identity", "tickets", "transcripts", "billing", "domains"], module => Assert.Contains($"\"{module}\"", body));
    }

    [Fact]
    public void A_validation_failure_becomes_an_ephemeral_list_of_every_problem()
    {
        var exception = new ValidationException([
            new ValidationFailure("Name", "Name must not be empty."),
            new ValidationFailure("NamingScheme", "Unknown variable(s) {nope}."),
        ]);

        var reply = EphemeralErrorReply.From(exception);

        Assert.Equal("**One or more fields are invalid.**\n• Name must not be empty.\n• Unknown variable(s) {nope}.", reply.Content);
    }

    [Fact]
    public void A_broken_rule_is_explained_and_an_unexpected_failure_reveals_nothing_internal()
    {
        var rule = EphemeralErrorReply.From(new BusinessRuleViolationException(new LimitRule()));
        var crash = EphemeralErrorReply.From(new InvalidOperationException("connection string Server=secret"));

        Assert.Equal("**The request breaks a business rule.**\nYou already have 3 open tickets.", rule.Content);
        Assert.DoesNotContain("secret", crash.Content, StringComparison.Ordinal);
        Assert.Equal(ErrorDescription.Of(new InvalidOperationException()).Detail, crash.Content.Split('\n')[1]);
    }

    [Fact]
    public void An_overlong_reply_is_cut_to_what_Discord_accepts()
    {
        var failures = Enumerable.Range(0, 100).Select(i => new ValidationFailure($"Field{i}", new string('x', 50)));

        var reply = EphemeralErrorReply.From(new ValidationException(failures));

        Assert.Equal(2000, reply.Content.Length);
        Assert.EndsWith("…", reply.Content, StringComparison.Ordinal);
    }

    private sealed class LimitRule : IBusinessRule
    {
        public string Code => "tickets.open-limit";

        public string Message => "You already have 3 open tickets.";

        public bool IsBroken() => true;
    }
}
