using Engage.Host.Security.Secrets;
using Engage.Host.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>Whole API keys are masked in every log line the host writes; the public prefix and ordinary text are left alone.</summary>
public sealed class ApiKeyMaskTests
{
    private const string Key = "engage_Qm9ndXMta2V5LWZvci10ZXN0cy0wMTIzNDU2Nzg5YWJj";

    [Fact]
    public void Apply_KeyInAUrl_IsMaskedButThePrefixThatKeysListShowsIsNot()
    {
        ApiKeyMask.Apply($"Request starting HTTP/1.1 GET http://localhost/odata/Posts?api_key={Key}&$top=1")
            .Should().Be("Request starting HTTP/1.1 GET http://localhost/odata/Posts?api_key=engage_***&$top=1");
        const string listed = "3  Power BI  Analyst  engage_Qm9ndXMt  2026-12-01";
        ReferenceEquals(ApiKeyMask.Apply(listed), listed).Should().BeTrue("an 8-character prefix is not a key");
    }

    [Fact]
    public void MaskingLoggerFactory_KeyInMessageOrException_IsMasked_OtherLinesPassThroughWithTheirState()
    {
        var lines = new CapturingLoggerProvider();
        var states = new StateKeeper();
        using var inner = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(lines).AddProvider(states));
        using var factory = new ApiKeyMaskingLoggerFactory(inner);
        var logger = factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        logger.LogInformation("Request starting GET /odata/Posts?api_key={Key}", Key);
        logger.LogError(new InvalidOperationException("bad " + Key), "failed");
        logger.LogInformation("Request finished in {Elapsed} ms", 12.5);

        lines.Lines.Should().HaveCount(3).And.NotContain(l => l.Contains(Key));
        lines.Lines.Should().Contain(l => l.Contains("api_key=engage_***")).And.Contain(l => l.Contains("bad engage_***"));
        states.Last.Should().BeAssignableTo<IReadOnlyList<KeyValuePair<string, object?>>>("a line without a key keeps its structured state")
            .Which.Should().Contain(p => p.Key == "Elapsed");
    }

    private sealed class StateKeeper : ILoggerProvider, ILogger
    {
        public object? Last { get; private set; }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => Last = state;

        public void Dispose()
        {
        }
    }
}
