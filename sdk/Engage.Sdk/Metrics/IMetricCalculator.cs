using Engage.Sdk.Data;

namespace Engage.Sdk.Metrics;

/// <summary>Turns stored data into metric values.</summary>
public interface IMetricCalculator
{
    /// <summary>What the calculator is and produces.</summary>
    MetricCalculatorInfo Info { get; }

    /// <summary>
    /// Computes the values of every metric for the requested periods. Streams its results; must be
    /// deterministic for the same data.
    /// </summary>
    /// <param name="data">A read-only view of the workspace.</param>
    /// <param name="request">The range and periods.</param>
    /// <param name="cancellationToken">Stops the work; honour it promptly.</param>
    IAsyncEnumerable<MetricValueItem> ComputeAsync(IWorkspaceData data, MetricRequest request, CancellationToken cancellationToken);
}
