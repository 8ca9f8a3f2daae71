using System.Net;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Apply;

/// <summary>What $apply refuses: 400 for requests that are wrong, 501 for what the engine does not do yet, never 500.</summary>
public sealed class ApplyErrorTests(ODataServerFixture fixture) : IClassFixture<ODataServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Theory]
    [InlineData("groupby((Nope))")]
    [InlineData("groupby((Product),aggregate(Nope with sum as S))")]
    [InlineData("aggregate(Product with sum as S)")]
    [InlineData("aggregate(Note with average as A)")]
    [InlineData("aggregate(Paid with sum as S)")]
    [InlineData("groupby((Product),aggregate(Amount with sum as Product))")]
    [InlineData("groupby((Product),aggregate(Amount with sum as T,Amount with max as T))")]
    [InlineData("groupby((Product),aggregate(Amount with sum as T))/filter(Amount gt 1)")]
    [InlineData("groupby((Product),aggregate(Amount with sum as T))/groupby((Quantity))")]
    [InlineData("groupby((Product))/filter(Customer/Orders/any(o: o/Paid))")]
    [InlineData("groupby((Customer),aggregate($count as N))")]
    [InlineData("topcount(2,Amount)")]
    [InlineData("groupby((year(OrderDate)))")]
    [InlineData("aggregate(")]
    [InlineData("compute(Amount as Amount)")]
    [InlineData("compute(Amount as A)/compute(A add A add A add A as B)/compute(B add B add B add B as C)/compute(C add C add C add C as D)/compute(D add D add D add D as E)/compute(E add E add E add E as F)/compute(F add F add F add F as G)/compute(G add G add G add G as H)/compute(H add H add H add H as I)/compute(I add I add I add I as J)/compute(J add J add J add J as K)")]
    [InlineData("aggregate(Amount with sum as A)/compute(A add A add A add A as B)/compute(B add B add B add B as C)/compute(C add C add C add C as D)/compute(D add D add D add D as E)/compute(E add E add E add E as F)/compute(F add F add F add F as G)/compute(G add G add G add G as H)/compute(H add H add H add H as I)/compute(I add I add I add I as J)/compute(J add J add J add J as K)")]
    public async Task Get_InvalidApply_Answers400WithAnODataError(string apply)
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=" + Uri.EscapeDataString(apply));

        response.Status.Should().Be(HttpStatusCode.BadRequest, response.Body);
        response.ErrorCode.Should().Be("BadRequest");
        response.ErrorMessage.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("$apply=expand(Customer,filter(Id gt 1))")]
    [InlineData("$apply=groupby((Product),aggregate(Amount with Custom.Median as M))")]
    [InlineData("$apply=groupby((Product),aggregate(Customer/Id with sum as S))")]
    [InlineData("$apply=groupby((Product))&$select=Product")]
    [InlineData("$apply=groupby((Product))&$expand=Customer")]
    [InlineData("$apply=groupby((Product))&$search=widget")]
    [InlineData("$apply=filter(Paid)&$compute=Amount mul 2 as D")]
    public async Task Get_UnsupportedApply_Answers501WithAnODataError(string query)
    {
        var response = await _client.GetODataAsync("odata/Orders?" + query);

        response.Status.Should().Be(HttpStatusCode.NotImplemented, response.Body);
        response.ErrorCode.Should().Be("NotImplemented");
    }

    [Fact]
    public async Task Get_ApplyOnNavigationPathOrEntity_IsRefused()
    {
        var navigation = await _client.GetODataAsync("odata/Customers(1)/Orders?$apply=aggregate($count as N)");
        var entity = await _client.GetODataAsync("odata/Orders(1)?$apply=aggregate($count as N)");

        navigation.Status.Should().Be(HttpStatusCode.NotImplemented, navigation.Body);
        ((int)entity.Status).Should().BeInRange(400, 499, entity.Body);
    }

    [Fact]
    public async Task Get_OrderByPropertyThatIsNotInTheResult_Answers400()
    {
        var response = await _client.GetODataAsync("odata/Orders?$apply=groupby((Product),aggregate(Amount with sum as Total))&$orderby=Amount");

        response.Status.Should().Be(HttpStatusCode.BadRequest, response.Body);
    }

    [Theory]
    [InlineData("aggregate(Amount with sum as T)")]
    [InlineData("compute(Amount as T)")]
    public async Task Get_AliasesNestingDeeperThanTheDatabaseAllows_Answer400(string start)
    {
        var chain = string.Concat(new[] { ("T", "A"), ("A", "B"), ("B", "C"), ("C", "D"), ("D", "E"), ("E", "F"), ("F", "G") }
            .Select(p => $"/compute({p.Item1}{string.Concat(Enumerable.Repeat(" add 1", 190))} as {p.Item2})"));

        var response = await _client.GetODataAsync("odata/Orders?$apply=" + Uri.EscapeDataString(start + chain));

        response.Status.Should().Be(HttpStatusCode.BadRequest, response.Body);
        response.ErrorMessage.Should().Contain("deep");
    }

    [Fact]
    public async Task Get_TooManyTransformations_Answers400()
    {
        var apply = string.Join('/', Enumerable.Repeat("filter(Amount gt 0)", 40));

        var response = await _client.GetODataAsync("odata/Orders?$apply=" + apply);

        response.Status.Should().Be(HttpStatusCode.BadRequest, response.Body);
    }
}
