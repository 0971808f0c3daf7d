using Xunit;

namespace TicketSaas.ArchitectureTests;

internal static class TheoryRows
{
    /// <summary>xunit 2's TheoryData takes no tuples.</summary>
    public static TheoryData<T1, T2> From<T1, T2>(IEnumerable<(T1, T2)> rows)
    {
        var data = new TheoryData<T1, T2>();
        foreach (var (first, second) in rows)
        {
            data.Add(first, second);
        }

        return data;
    }
}
