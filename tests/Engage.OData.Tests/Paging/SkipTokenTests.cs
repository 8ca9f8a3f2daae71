using Engage.OData.Errors;
using Engage.OData.Paging;
using Engage.OData.Sql;
using Microsoft.OData.Edm;

namespace Engage.OData.Tests.Paging;

public sealed class SkipTokenTests
{
    private const string Shape = "Orders\n\nProduct\n\n";

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

    public static TheoryData<EdmPrimitiveTypeKind, object?> StoredValues => new()
    {
        { EdmPrimitiveTypeKind.Int64, long.MinValue },
        { EdmPrimitiveTypeKind.Int64, long.MaxValue },
        { EdmPrimitiveTypeKind.Int32, -42L },
        { EdmPrimitiveTypeKind.Boolean, 1L },
        { EdmPrimitiveTypeKind.Double, -0.1 },
        { EdmPrimitiveTypeKind.Double, double.NegativeInfinity },
        { EdmPrimitiveTypeKind.Double, 1e300 },
        { EdmPrimitiveTypeKind.Decimal, 12.34 },
        { EdmPrimitiveTypeKind.String, "O'Neil & 日本語 😀" },
        { EdmPrimitiveTypeKind.String, string.Empty },
        { EdmPrimitiveTypeKind.Guid, "0f8fad5b-d9cb-469f-a165-70867728950e" },
        { EdmPrimitiveTypeKind.Date, "2024-01-15" },
        { EdmPrimitiveTypeKind.DateTimeOffset, "2024-01-05T10:00:00.0000000Z" },
        { EdmPrimitiveTypeKind.String, null },
        { EdmPrimitiveTypeKind.Int64, null },
        { EdmPrimitiveTypeKind.Double, null },
        { EdmPrimitiveTypeKind.DateTimeOffset, null },
    };

    [Theory]
    [MemberData(nameof(StoredValues))]
    public void DecodePosition_KeysetToken_ReturnsTheStoredValueWithItsType(EdmPrimitiveTypeKind kind, object? value)
    {
        Type[] types = [SqliteDialect.Instance.SortValueType(kind), typeof(long)];
        var token = SkipToken.EncodeKeyset(300, [value, 7L], Shape);

        var position = SkipToken.DecodePosition(token, Shape, types);

        position.Offset.Should().Be(300);
        position.Keyset.Should().Equal(value, 7L);
        position.Keyset![0]?.GetType().Should().Be(types[0]);
        token.Should().MatchRegex("^[A-Za-z0-9_-]+$", "the token must travel in a URL unescaped");
    }

    [Fact]
    public void DecodePosition_OffsetTokenOnAKeysetOrder_ReturnsTheOffset()
    {
        var position = SkipToken.DecodePosition(SkipToken.Encode(40, Shape), Shape, [typeof(long)]);

        position.Should().Be(new SkipTokenPosition(40, null));
    }

    [Fact]
    public void DecodePosition_TamperedKeysetToken_Throws400()
    {
        var token = SkipToken.EncodeKeyset(100, ["Widget", 42L], Shape);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        var act = () => SkipToken.DecodePosition(tampered, Shape, [typeof(string), typeof(long)]);

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public void DecodePosition_KeysetTokenOfAnotherQuery_Throws400()
    {
        var token = SkipToken.EncodeKeyset(100, ["Widget", 42L], Shape);

        var act = () => SkipToken.DecodePosition(token, "Orders\n\nProduct desc\n\n", [typeof(string), typeof(long)]);

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }

    [Theory]
    [InlineData("")]
    [InlineData("long")]
    [InlineData("long,long")]
    [InlineData("double,long")]
    [InlineData("string,long,long")]
    public void DecodePosition_KeysetTokenForOtherColumns_Throws400(string columnTypes)
    {
        var token = SkipToken.EncodeKeyset(100, ["Widget", 42L], Shape);
        Type[]? types = columnTypes.Length == 0 ? null : [.. columnTypes.Split(',').Select(t => t switch
        {
            "long" => typeof(long),
            "double" => typeof(double),
            _ => typeof(string),
        })];

        var act = () => SkipToken.DecodePosition(token, Shape, types);

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public void Decode_KeysetToken_Throws400()
    {
        var act = () => SkipToken.Decode(SkipToken.EncodeKeyset(100, [42L], Shape), Shape);

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public void DecodePosition_TokenLongerThanTheLimit_Throws400()
    {
        var act = () => SkipToken.DecodePosition(new string('A', SkipToken.MaxLength + 1), Shape, [typeof(string), typeof(long)]);

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public void EncodeKeyset_ValueTooLongForAToken_FallsBackToTheOffset()
    {
        var token = SkipToken.EncodeKeyset(500, [new string('x', SkipToken.MaxLength), 42L], Shape);

        token.Length.Should().BeLessThanOrEqualTo(SkipToken.MaxLength);
        SkipToken.DecodePosition(token, Shape, [typeof(string), typeof(long)]).Should().Be(new SkipTokenPosition(500, null));
    }

    [Fact]
    public void EncodeKeyset_MoreColumnsThanATokenCarries_FallsBackToTheOffset()
    {
        var values = Enumerable.Range(0, 65).Select(i => (object?)(long)i).ToList();

        var token = SkipToken.EncodeKeyset(500, values, Shape);

        SkipToken.DecodePosition(token, Shape, [.. values.Select(_ => typeof(long))]).Should().Be(new SkipTokenPosition(500, null));
    }

    [Fact]
    public void EncodeKeyset_LongestValueThatFits_RoundTrips()
    {
        var text = new string('x', 1400);

        var position = SkipToken.DecodePosition(SkipToken.EncodeKeyset(1, [text, 42L], Shape), Shape, [typeof(string), typeof(long)]);

        position.Keyset.Should().Equal(text, 42L);
    }
}
