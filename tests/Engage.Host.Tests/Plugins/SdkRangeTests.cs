using Engage.Host.Plugins.Loading;

namespace Engage.Host.Tests.Plugins;

/// <summary>SDK ranges in interval notation: an upper bound is required, and the bounds mean what they say.</summary>
public sealed class SdkRangeTests
{
    [Theory]
    [InlineData("[1.0,2.0)", "1.0.0", true)]
    [InlineData("[1.0,2.0)", "1.9.9", true)]
    [InlineData("[1.0,2.0)", "2.0.0", false)]
    [InlineData("[1.0,2.0)", "0.9.0", false)]
    [InlineData("(1.0,2.0]", "1.0.0", false)]
    [InlineData("(1.0,2.0]", "2.0.0", true)]
    [InlineData("[1,2)", "1.5.0", true)]
    [InlineData(" [1.0, 2.0) ", "1.0.0", true)]
    [InlineData("[1.0,1.0]", "1.0.0", true)]
    [InlineData("[2.0,3.0)", "1.0.0", false)]
    public void Contains_VersionAgainstRange_FollowsTheBounds(string text, string version, bool expected)
    {
        SdkRange.TryParse(text, out var range, out var error).Should().BeTrue(error);

        range!.Contains(Version.Parse(version)).Should().Be(expected);
    }

    [Fact]
    public void Contains_FourPartHostVersion_IgnoresTheRevision()
    {
        SdkRange.TryParse("[1.0,2.0)", out var range, out _);

        range!.Contains(new Version(1, 0, 0, 0)).Should().BeTrue();
    }

    [Theory]
    [InlineData("[1.0,)", "needs both bounds, for example \"[1.0,2.0)\": an upper bound is required.")]
    [InlineData("[1.0, )", "needs both bounds, for example \"[1.0,2.0)\": an upper bound is required.")]
    [InlineData("1.0", "must be an interval such as \"[1.0,2.0)\" (at least 1.0, below 2.0).")]
    [InlineData(">=1.0", "must be an interval such as \"[1.0,2.0)\" (at least 1.0, below 2.0).")]
    [InlineData("[1.x,2.0)", "has a bound that is not a version number.")]
    [InlineData("[2.0,1.0)", "is empty: its upper bound is not above its lower bound.")]
    [InlineData("[1.0,1.0)", "is empty: its upper bound is not above its lower bound.")]
    public void TryParse_UnusableRange_ExplainsWhatToWrite(string text, string expected)
    {
        SdkRange.TryParse(text, out var range, out var error).Should().BeFalse();

        range.Should().BeNull();
        error.Should().Be($"sdkRange '{text}' {expected}");
    }

    [Fact]
    public void ToString_ParsedRange_WritesTheIntervalBack()
    {
        SdkRange.TryParse("(1.2,3]", out var range, out _);

        range!.ToString().Should().Be("(1.2.0,3.0.0]");
    }
}
