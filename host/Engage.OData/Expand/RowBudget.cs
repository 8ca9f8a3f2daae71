using Engage.OData.Errors;

namespace Engage.OData.Expand;

/// <summary>Counts the rows buffered for one page (the page and its expansions) and refuses past the limit.</summary>
internal sealed class RowBudget(long limit)
{
    private long _used;

    public void Take()
    {
        if (++_used > limit)
        {
            throw ODataRequestException.BadRequest(
                $"This page and its expansions exceed {limit} rows; ask for a smaller page (Prefer: odata.maxpagesize) or use $top inside $expand.");
        }
    }
}
