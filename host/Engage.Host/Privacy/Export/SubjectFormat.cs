namespace Engage.Host.Privacy.Export;

/// <summary>The two forms of a subject export.</summary>
internal enum SubjectFormat
{
    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>A zip of CSV files, one per table.</summary>
    Csv,
}
