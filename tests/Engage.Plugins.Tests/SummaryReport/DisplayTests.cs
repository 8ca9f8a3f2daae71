using System.Globalization;
using Engage.Plugins.SummaryReport.Summary;

namespace Engage.Plugins.Tests.SummaryReport;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(60, "1 min")]
    [InlineData(749, "12 min")]
    [InlineData(3600, "1 h")]
    [InlineData(8100, "2 h 15 min")]
    [InlineData(86399, "1 d")]
    [InlineData(97200, "1 d 3 h")]
    public void Duration_Seconds_UsesTheLargestSensibleUnits(long seconds, string expected)
    {
        Display.Duration(seconds).Should().Be(expected);
    }

    [Fact]
    public void Percent_UnderAFrenchCulture_StaysInvariant()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");

            Display.Percent(0.0421).Should().Be("4.2 %");
            Display.Count(1234567).Should().Be("1,234,567");
            Display.Ratio(0.5).Should().Be("0.50");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Shorten_EmojiAtTheCut_IsNeverSplit()
    {
        var text = "Story time 👨‍👩‍👧 is back";

        Display.Shorten(text, 12).Should().Be("Story time 👨‍👩‍👧…");
        Display.Shorten(text, 11).Should().Be("Story time…");
        Display.Shorten("one\n\ntwo   three", 50).Should().Be("one two three");
        Display.Shorten(null, 10).Should().BeEmpty();
    }

    [Theory]
    [InlineData("https://example.org/p/1", "https://example.org/p/1")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>", null)]
    [InlineData("/relative", null)]
    [InlineData(null, null)]
    public void SafeUrl_Address_KeepsOnlyWebAddresses(string? url, string? expected)
    {
        Display.SafeUrl(url).Should().Be(expected);
    }
}
