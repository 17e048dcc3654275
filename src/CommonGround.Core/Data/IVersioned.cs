namespace CommonGround.Core.Data;

/// <summary>
/// A record two people may change at once. Every change moves <see cref="Version"/> on, a form carries the version it
/// was shown at, and a save made from an older version loses the race (see <see cref="SaveConflicts.TrySaveAsync"/>):
/// the person is told someone else changed it first, and nothing they did is merged over it unseen.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
