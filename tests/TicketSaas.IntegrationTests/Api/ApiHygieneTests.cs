using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Api;

/// <summary>Everything under /api/v1, described completely by the OpenAPI document, and every error as problem details.</summary>
public sealed class ApiHygieneTests(SqliteApi fixture) : IClassFixture<SqliteApi>
{
    /// <summary>What may live outside /api/v1 besides the API reference's pages under /docs: health, the document, the transcript viewer (ADR 0011).</summary>
    private static readonly string[] OutsideApi = ["/health/live", "/health/ready", "/openapi/{documentName}.json", "/t/{publicId}", "/t/{publicId}/files/{**key}"];

    private static readonly string[] ProblemStatuses = ["400", "429", "500"];

    [Fact]
    public async Task Every_endpoint_is_under_api_v1_but_health_documents_and_the_viewer()
    {
        var api = await fixture.HostAsync();

        var outside = ApiEndpoints.All(api).Select(e => e.Pattern)
            .Where(p => !p.StartsWith("/api/v1/", StringComparison.Ordinal) && !p.StartsWith("/docs/", StringComparison.Ordinal)).Distinct();

        Assert.Equal(OutsideApi.Order(StringComparer.Ordinal), outside.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_OpenAPI_document_has_every_endpoint_with_its_path_parameters_and_problem_responses()
    {
        var api = await fixture.HostAsync();
        using var client = api.ClientFor(TestCaller.Anonymous);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var described = ApiEndpoints.All(api).Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(described);
        foreach (var endpoint in described)
        {
            var operation = document["paths"]?[endpoint.Path]?[endpoint.Method.ToLowerInvariant()];
            Assert.True(operation is not null, $"{endpoint} is missing from the OpenAPI document");
            var pathParameters = (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!);
            Assert.True(endpoint.RouteParameters.Order().SequenceEqual(pathParameters.Order()), $"{endpoint}: path parameters differ");
            var queryParameters = (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!);
            Assert.All(queryParameters, name => Assert.True(char.IsLower(name[0]), $"{endpoint}: query parameter {name} is not camelCase"));
            var responses = operation["responses"]!.AsObject();
            var needsCaller = endpoint.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            foreach (var status in needsCaller ? [.. ProblemStatuses, "401", "403"] : ProblemStatuses)
            {
                Assert.True(responses[status]?["content"]?["application/problem+json"] is not null, $"{endpoint}: no problem details for {status}");
            }

            // Success is a 2xx, or the redirect that sends a browser to Discord's login.
            Assert.True(responses.Any(r => r.Key[0] is '2' or '3'), $"{endpoint}: no success response");
        }
    }

    [Fact]
    public async Task Every_snowflake_in_a_request_or_response_is_a_string_in_the_OpenAPI_document()
    {
        var api = await fixture.HostAsync();
        using var client = api.ClientFor(TestCaller.Anonymous);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var types = new HashSet<Type>();
        foreach (var endpoint in ApiEndpoints.All(api).Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var type in endpoint.Endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.Type)
                .Concat(endpoint.Endpoint.Metadata.OfType<MethodInfo>().SelectMany(m => m.GetParameters()).Select(p => p.ParameterType)))
            {
                Collect(type, types);
            }
        }

        var snowflakes = types.Where(t => schemas.ContainsKey(t.Name))
            .SelectMany(t => t.GetProperties().Where(p => IsSnowflake(p.PropertyType)).Select(p => (Type: t, Property: p)))
            .ToList();

        Assert.True(snowflakes.Count >= 10, $"Only {snowflakes.Count} snowflake properties found: the type walk is broken");
        foreach (var (type, property) in snowflakes)
        {
            var schema = schemas[type.Name]!["properties"]![JsonNamingPolicy.CamelCase.ConvertName(property.Name)]!;
            var scalar = schema["items"] ?? schema;
            Assert.True(TypeOf(scalar).Contains("string", StringComparer.Ordinal) && (string?)scalar["format"] == "snowflake",
                $"{type.Name}.{property.Name} is described as {schema.ToJsonString()}");
        }

        Assert.DoesNotContain("uint64", document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_in_quotes_is_refused_and_changes_nothing()
    {
        var api = await fixture.HostAsync();
        using var platform = api.ClientFor(TestCaller.PlatformAdministrator);
        var before = await platform.GetStringAsync("/api/v1/plans");

        var response = await platform.PutAsync("/api/v1/admin/plans/free", Json("""
            {"name":"Free","monthlyPriceCents":"0","ticketsPerMonth":50,"retentionDays":7,"panels":1,"customBot":false,"customDomain":false,"whiteLabel":false}
            """));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("malformed-request", problem.GetProperty("code").GetString());
        Assert.Contains("monthlyPriceCents", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await platform.GetStringAsync("/api/v1/plans"));
    }

    [Fact]
    public async Task A_snowflake_sent_as_a_JSON_number_is_refused()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        var response = await admin.PostAsync($"/api/v1/guilds/{guild}/transcripts/erasures", Json("""{"userId":123456789012345678}"""));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("malformed-request", problem.GetProperty("code").GetString());
    }

    public static TheoryData<string, string, string?, string?, HttpStatusCode> Errors() => new()
    {
        { "GET", "/api/v1/no-such-thing", null, null, HttpStatusCode.NotFound },
        { "GET", "/api/v1/guilds/{guild}/no-such-thing", null, null, HttpStatusCode.NotFound },
        { "DELETE", "/api/v1/plans", null, null, HttpStatusCode.MethodNotAllowed },
        { "POST", "/api/v1/guilds/{guild}/categories", "text/plain", "Support", HttpStatusCode.UnsupportedMediaType },
        { "POST", "/api/v1/guilds/{guild}/categories", "application/json", "{\"name\":", HttpStatusCode.BadRequest },
        { "POST", "/api/v1/guilds/{guild}/categories", "application/json", "{\"name\":\"Support\",\"namingScheme\":\"s-{number}\",\"color\":1}", HttpStatusCode.BadRequest },
        { "GET", "/api/v1/guilds/{guild}/blocklist?includeExpired=maybe", null, null, HttpStatusCode.BadRequest },
        { "GET", "/api/v1/guilds/{guild}/categories/not-a-guid", null, null, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Every_error_is_problem_details(string method, string path, string? contentType, string? body, HttpStatusCode expected)
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{guild}", guild.ToString(), StringComparison.Ordinal))
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, contentType!),
        };

        var problem = await (await admin.SendAsync(request)).ReadProblemAsync(expected);

        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_category WHERE guild_id = {guild}"));
    }

    [Fact]
    public async Task A_validation_failure_lists_every_field_as_400_and_a_broken_rule_is_422()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        var invalid = await (await admin.PostAsJsonAsync($"/api/v1/guilds/{guild}/categories", new { name = "", namingScheme = "" }, Support.Json.Options))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation", invalid.GetProperty("code").GetString());
        Assert.Equal(["Name", "NamingScheme"], invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var host = $"tickets-{guild}.example.com";
        await admin.PostJsonAsync($"/api/v1/guilds/{guild}/domains", new { host });
        var other = GuildIds.Next();
        using var second = api.ClientFor(TestCaller.AdminOf(other));
        var taken = await (await second.PostAsJsonAsync($"/api/v1/guilds/{other}/domains", new { host }, Support.Json.Options))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.False(string.IsNullOrEmpty(taken.GetProperty("code").GetString()));
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM domains_custom_domain WHERE guild_id = {other}"));
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_category WHERE guild_id = {guild}"));
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_without_internals()
    {
        await using var api = await ApiHost.StartAsync(DatabaseKind.Sqlite);
        await api.Database.ColumnAsync("DROP TABLE billing_plan");
        using var client = api.ClientFor(TestCaller.Anonymous);

        var response = await client.GetAsync("/api/v1/plans");

        var problem = await response.ReadProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Equal("unexpected", problem.GetProperty("code").GetString());
        var text = problem.GetRawText();
        foreach (var leak in new[] { "billing_plan", "SQLite", "Exception", " at ", ".cs:" })
        {
            Assert.DoesNotContain(leak, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static IEnumerable<string> TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => (string)t!),
        { } one => [(string)one!],
        null => [],
    };

    private static bool IsSnowflake(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) == typeof(ulong)
        || (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(IEnumerable<>).MakeGenericType(item).IsAssignableFrom(type)
            && (Nullable.GetUnderlyingType(item) ?? item) == typeof(ulong));

    /// <summary>The type and every type of ours it holds: properties, collection items, generic arguments.</summary>
    private static void Collect(Type? type, HashSet<Type> seen)
    {
        if (type is null)
        {
            return;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Collect(argument, seen);
            }
        }

        if (type.IsArray)
        {
            Collect(type.GetElementType(), seen);
        }

        if (type.Namespace?.StartsWith("TicketSaas.", StringComparison.Ordinal) != true || !seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties())
        {
            Collect(property.PropertyType, seen);
        }
    }
}
