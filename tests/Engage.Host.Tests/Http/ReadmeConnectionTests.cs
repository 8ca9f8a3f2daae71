using System.Net;
using System.Text.RegularExpressions;
using Engage.Host.Tests.Http.PowerQuery;
using Engage.Host.Tests.Infrastructure;
using Microsoft.OData.Edm;

namespace Engage.Host.Tests.Http;

/// <summary>
/// The README's connection instructions work against the demo: every <c>http://localhost:5080/odata…</c> URL in it (code
/// blocks and inline code, M strings included) answers 200 to Power Query's request, and the M snippets name only
/// entity sets and properties that exist.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class ReadmeConnectionTests(PowerQueryDemoFixture demo)
{
    private const string Origin = "http://localhost:5080";

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public async Task Readme_EveryFeedUrl_AnswersPowerQuery()
    {
        var urls = QuotedUrl().Matches(Readme).Select(m => m.Groups["url"].Value.Replace("\\$", "$", StringComparison.Ordinal)).Distinct().ToList();

        urls.Should().HaveCountGreaterThanOrEqualTo(4, "the README shows the service root, a table URL and the M snippets");
        foreach (var url in urls)
        {
            var response = await PowerQueryClient.SendAsync(demo, url[Origin.Length..]);
            response.Status.Should().Be(HttpStatusCode.OK, url + ": " + response.Body);
        }
    }

    [Fact]
    public async Task Readme_MSnippets_NameOnlyExistingSetsAndProperties()
    {
        var model = await PowerQueryClient.ReadModelAsync(demo);
        var blocks = MBlock().Matches(Readme).Select(m => m.Groups["code"].Value).ToList();
        blocks.Should().HaveCountGreaterThanOrEqualTo(3);
        var checkedNames = 0;

        foreach (var block in blocks)
        {
            foreach (var setName in SetName().Matches(block).Select(m => m.Groups["set"].Value))
            {
                var entitySet = model.EntityContainer.FindEntitySet(setName);
                entitySet.Should().NotBeNull(setName);
                var properties = entitySet!.EntityType().Properties().Select(p => p.Name).ToHashSet();
                var used = EachExpression().Matches(block).SelectMany(m => Column().Matches(m.Groups["expression"].Value)).Select(m => m.Groups["column"].Value)
                    .Concat(ColumnList().Matches(block).SelectMany(m => Quoted().Matches(m.Groups["list"].Value).Select(q => q.Groups["name"].Value)))
                    .ToList();
                used.Should().NotBeEmpty().And.OnlyContain(c => properties.Contains(c), setName);
                checkedNames += used.Count;
            }
        }

        checkedNames.Should().BePositive();
    }

    [GeneratedRegex("""(?<q>["`])(?<url>http://localhost:5080/odata[^"`]*)\k<q>""")]
    private static partial Regex QuotedUrl();

    [GeneratedRegex("```m\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MBlock();

    [GeneratedRegex("""\{\[Name = "(?<set>\w+)", Signature = "table"\]\}""")]
    private static partial Regex SetName();

    [GeneratedRegex(@"each (?<expression>.*)$", RegexOptions.Multiline)]
    private static partial Regex EachExpression();

    [GeneratedRegex(@"\[(?<column>\w+)\]")]
    private static partial Regex Column();

    [GeneratedRegex(@"Table\.(SelectColumns|Sort)\(\w+, \{(?<list>.*?)\}\)")]
    private static partial Regex ColumnList();

    [GeneratedRegex("\"(?<name>\\w+)\"")]
    private static partial Regex Quoted();
}
