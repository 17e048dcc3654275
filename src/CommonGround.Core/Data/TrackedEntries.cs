using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CommonGround.Core.Data;

public static class TrackedEntries
{
    /// <summary>
    /// The tracked entries of one type, with changes to those entities detected and to no others. A save's interceptors
    /// run before the save itself compares every tracked entity with how it was read; asking the tracker for entries
    /// there would make that comparison once more for each interceptor. Exact for a type that no other entity reaches
    /// through a navigation, as such a type is tracked only when added, attached or read.
    /// </summary>
    public static List<EntityEntry<T>> DetectedFor<T>(this ChangeTracker tracker) where T : class
    {
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var entries = tracker.Entries<T>().ToList();
            foreach (var entry in entries)
            {
                entry.DetectChanges();
            }

            return entries;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
