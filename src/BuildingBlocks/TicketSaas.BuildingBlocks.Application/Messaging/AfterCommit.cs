namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>
/// What a command does once its transaction committed, such as waking a worker for the rows it wrote: woken before
/// the commit, the worker would look too early, find nothing, and leave the work to its next poll.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<Action> _actions = [];

    public void Run(Action action) => _actions.Add(action);

    /// <summary>Called by the unit of work after the commit; a command that failed ran none.</summary>
    public void Committed()
    {
        foreach (var action in _actions)
        {
            action();
        }

        _actions.Clear();
    }

    /// <summary>Called before a command runs: what an earlier, failed attempt in the same scope asked for is dropped.</summary>
    public void Reset() => _actions.Clear();
}
