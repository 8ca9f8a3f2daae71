using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Engage.OData.Tests.Support;
using Microsoft.OData.Edm;
using Xunit.Abstractions;

namespace Engage.OData.Tests.Fuzz;

/// <summary>
/// Thousands of seeded malformed and hostile requests at every entity set: each answer is 200 (the string
/// happened to be valid), a 4xx or 501 with an OData error body, or a bare 4xx from Kestrel before the
/// engine; never 5xx. Afterwards the server still answers and the database is byte-for-byte unchanged.
/// </summary>
public sealed class FuzzTests(ODataServerFixture fixture, ITestOutputHelper output) : IClassFixture<ODataServerFixture>
{
    private const int DefaultSeed = 424242;
    public const int Cases = 5000;
    public const int ApplyCases = 1500;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(75);
    private static readonly int[] BareRejections = [400, 404, 405, 414, 431];

    /// <summary>424242, or ENGAGE_FUZZ_SEED to explore other seeds.</summary>
    private static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("ENGAGE_FUZZ_SEED"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seed)
            ? seed
            : DefaultSeed;

    [Fact]
    public async Task Get_WithThousandsOfHostileRequests_NeverAnswersAServerErrorNorChangesData()
    {
        var entitySets = TestModel.Create().EntityContainer.EntitySets().Select(s => s.Name).ToList();
        var before = TableFingerprint.Of(fixture.Database);
        var generator = new FuzzCaseGenerator(new Random(Seed), entitySets, await RealSkipTokensAsync(entitySets));
        var tally = new FuzzTally();
        var stopwatch = Stopwatch.StartNew();

        for (var i = 0; i < Cases && stopwatch.Elapsed < Budget; i++)
        {
            var fuzzCase = generator.Next();
            await RunAsync(fuzzCase, tally, i);
            if (i % 500 == 499)
            {
                await AssertResponsiveAsync(entitySets);
            }
        }

        output.WriteLine($"seed {Seed}, {stopwatch.Elapsed.TotalSeconds:F1} s: {tally}");
        tally.Failures.Should().BeEmpty($"seed {Seed}: every answer must be 200, an OData error (4xx/501) or a bare Kestrel rejection; {tally}\n"
            + string.Join("\n", tally.Failures.Take(10)));
        tally.Total.Should().BeGreaterThan(1000, "the time budget must leave room for a real run");
        await AssertResponsiveAsync(entitySets);
        TableFingerprint.Of(fixture.Database).Should().Be(before, "no request may change the data");
    }

    [Fact]
    public async Task Get_WithHostileApplyStrings_NeverAnswersAServerErrorNorChangesData()
    {
        var entitySets = TestModel.Create().EntityContainer.EntitySets().Select(s => s.Name).ToList();
        var before = TableFingerprint.Of(fixture.Database);
        var generator = new FuzzCaseGenerator(new Random(Seed + 1), entitySets, []);
        var tally = new FuzzTally();
        var stopwatch = Stopwatch.StartNew();

        for (var i = 0; i < ApplyCases && stopwatch.Elapsed < Budget; i++)
        {
            await RunAsync(generator.NextApply(), tally, i);
        }

        output.WriteLine($"seed {Seed + 1}, {stopwatch.Elapsed.TotalSeconds:F1} s: {tally}");
        tally.Failures.Should().BeEmpty($"seed {Seed + 1}: every $apply answer must be 200, an OData error (4xx/501) or a bare Kestrel rejection; {tally}\n"
            + string.Join("\n", tally.Failures.Take(10)));
        tally.Total.Should().BeGreaterThan(300);
        tally.ToString().Should().Contain("200 valid").And.Contain("400 OData error").And.Contain("501 OData error");
        await AssertResponsiveAsync(entitySets);
        TableFingerprint.Of(fixture.Database).Should().Be(before, "no request may change the data");
    }

    private async Task RunAsync(FuzzCase fuzzCase, FuzzTally tally, int index)
    {
        RawHttpResponse response;
        try
        {
            response = await RawHttpClient.GetAsync(fixture.Server.BaseAddress, fuzzCase.Target, fuzzCase.Headers, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or FormatException)
        {
            tally.Fail(fuzzCase, $"#{index}: no complete answer ({e.GetType().Name}: {e.Message})");
            return;
        }

        var status = response.Status;
        if (status >= 500 && status != 501)
        {
            tally.Fail(fuzzCase, $"#{index}: {status} {response.Body[..Math.Min(300, response.Body.Length)]}");
        }
        else if (status == 200)
        {
            tally.Count("200 valid");
        }
        else if (response.Headers.ContainsKey("odata-version") || response.Body.Length > 0)
        {
            if (IsODataError(response.Body))
            {
                tally.Count($"{status} OData error");
            }
            else
            {
                tally.Fail(fuzzCase, $"#{index}: {status} without an OData error body: {response.Body[..Math.Min(300, response.Body.Length)]}");
            }
        }
        else if (BareRejections.Contains(status))
        {
            tally.Count($"{status} rejected before the engine");
        }
        else
        {
            tally.Fail(fuzzCase, $"#{index}: unexpected bare {status}");
        }
    }

    private static bool IsODataError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error)
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString()!.Length > 0
                && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String && message.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<List<string>> RealSkipTokensAsync(IEnumerable<string> entitySets)
    {
        var tokens = new List<string>();
        foreach (var set in entitySets)
        {
            var page = await fixture.Server.Client.GetODataAsync($"odata/{set}?$orderby=Id desc", ("Prefer", "odata.maxpagesize=2"));
            if (page.NextLink is { } link)
            {
                tokens.Add(link[(link.IndexOf("$skiptoken=", StringComparison.Ordinal) + 11)..]);
            }
        }

        return tokens;
    }

    private async Task AssertResponsiveAsync(IEnumerable<string> entitySets)
    {
        foreach (var set in entitySets)
        {
            var response = await fixture.Server.Client.GetODataAsync($"odata/{set}?$top=1");
            response.Status.Should().Be(HttpStatusCode.OK, $"a normal query on {set} must still answer after the fuzzing");
        }
    }
}
