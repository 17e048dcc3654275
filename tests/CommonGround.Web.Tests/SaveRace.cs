using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommonGround.Web.Tests;

/// <summary>
/// Another person's change made at the moment a request is about to save, as happens when two people act at once: the
/// request has read what it changes, and the other change is in the database before the request's save begins.
/// </summary>
public sealed class SaveRace : SaveChangesInterceptor
{
    private readonly Lock _lock = new();
    private Func<DbContext, bool>? _when;
    private Func<Task>? _otherChange;

    /// <summary>Whether the other change was made: a race that never happened proves nothing.</summary>
    public bool Ran { get; private set; }

    /// <summary>Makes <paramref name="otherChange"/> once, before the next save for which <paramref name="when"/> holds.</summary>
    public void BeforeSave(Func<DbContext, bool> when, Func<Task> otherChange)
    {
        lock (_lock)
        {
            (_when, _otherChange, Ran) = (when, otherChange, false);
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Func<Task>? otherChange = null;
        lock (_lock)
        {
            if (_otherChange is not null && eventData.Context is { } context && _when!(context))
            {
                (otherChange, _when, _otherChange) = (_otherChange, null, null);
            }
        }

        if (otherChange is not null)
        {
            await otherChange();
            Ran = true;
        }

        return result;
    }
}
