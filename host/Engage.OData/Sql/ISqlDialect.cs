using System.Data.Common;
using Engage.OData.Json;
using Microsoft.OData.Edm;

namespace Engage.OData.Sql;

/// <summary>
/// What differs between database engines: identifier quoting, null-safe comparison, paging syntax,
/// and how each EDM type is stored (values bound in, values read out to JSON).
/// </summary>
internal interface ISqlDialect
{
    /// <summary>Whether properties of this EDM kind can be stored and served.</summary>
    bool Supports(EdmPrimitiveTypeKind kind);

    /// <summary>Quotes an identifier taken from the model/mapping (never from the request).</summary>
    string QuoteIdentifier(string identifier);

    /// <summary>Converts a literal (already in the canonical CLR type of <paramref name="kind"/>) to the value to bind.</summary>
    object ToStorageValue(object literal, EdmPrimitiveTypeKind kind);

    /// <summary>Equality that is true for two nulls and false for one null.</summary>
    string NullSafeEqual(string left, string right);

    /// <summary>The negation of <see cref="NullSafeEqual"/>.</summary>
    string NullSafeNotEqual(string left, string right);

    /// <summary>Turns a boolean-valued expression (column, parameter) into a predicate that is never null.</summary>
    string IsTrue(string booleanExpression);

    /// <summary>A predicate that is always false.</summary>
    string FalsePredicate { get; }

    /// <summary>A predicate that is always true.</summary>
    string TruePredicate { get; }

    /// <summary>The spellings of the canonical functions and of division and remainder.</summary>
    ISqlFunctions Functions { get; }

    /// <summary>Converts a stored Edm.Date expression into a stored Edm.DateTimeOffset expression (midnight UTC).</summary>
    string DateToDateTimeOffset(string dateExpression);

    /// <summary>One ORDER BY term; nulls sort first ascending and last descending, as OData requires.</summary>
    string OrderTerm(string expression, bool descending);

    /// <summary>The clause that limits and offsets a result, e.g. " LIMIT @l OFFSET @o".</summary>
    string LimitOffset(string limitParameter, string offsetParameter);

    /// <summary>The clause that limits a result without an offset, e.g. " LIMIT @l" (keyset pages).</summary>
    string Limit(string limitParameter);

    /// <summary>
    /// The keyset predicate "the row sorts after the last row" for ORDER BY terms whose last term is unique:
    /// lexicographic over the terms, with this dialect's NULL ordering (as <see cref="OrderTerm"/> sorts), in
    /// row-value syntax where the database can serve it from an index.
    /// </summary>
    string SeekPredicate(IReadOnlyList<SeekTerm> terms);

    /// <summary>The CLR type in which a value of this kind is stored and bound (a keyset token carries that value).</summary>
    Type SortValueType(EdmPrimitiveTypeKind kind);

    /// <summary>Reads a stored value exactly as stored, as <see cref="SortValueType"/> says, or null for NULL.</summary>
    object? ReadSortValue(DbDataReader reader, int ordinal, EdmPrimitiveTypeKind kind);

    /// <summary>The writer that reads a stored value of this kind and writes it as JSON.</summary>
    JsonValueWriter GetValueWriter(EdmPrimitiveTypeKind kind, bool ieee754Compatible);

    /// <summary>Starts a read-only snapshot so a count and a page see the same data; null when not needed.</summary>
    ValueTask<DbTransaction?> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);
}
