using Engage.OData.Errors;
using Engage.OData.Paging;

namespace Engage.OData.Tests.Paging;

public sealed class SkipTokenTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(100L)]
    [InlineData(long.MaxValue)]
    public void Decode_EncodedToken_ReturnsOffset(long offset)
    {
        var token = SkipToken.Encode(offset, "Orders\nPaid\n");

        SkipToken.Decode(token, "Orders\nPaid\n").Should().Be(offset);
        token.Should().MatchRegex("^[A-Za-z0-9_-]+$", "the token must travel in a URL unescaped");
    }

    [Fact]
    public void Decode_TokenOfAnotherQuery_Throws400()
    {
        var token = SkipToken.Encode(100, "Orders\nPaid\n");

        var act = () => SkipToken.Decode(token, "Orders\nnot Paid\n");

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AQAAAAAAAABkAAAAAAAAAAA")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!")]
    public void Decode_Garbage_Throws400(string token)
    {
        var act = () => SkipToken.Decode(token, "Orders\n\n");

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }
}
