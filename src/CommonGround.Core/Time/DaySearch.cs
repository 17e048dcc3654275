namespace CommonGround.Core.Time;

/// <summary>The day a condition starts to hold, for conditions that stay true once true: what is owed only grows, a date only comes nearer.</summary>
public static class DaySearch
{
    /// <summary>The first day from <paramref name="from"/> to <paramref name="to"/> on which <paramref name="holds"/>, found by halving the span; the day after <paramref name="to"/> if none.</summary>
    public static DateOnly FirstDay(DateOnly from, DateOnly to, Func<DateOnly, bool> holds)
    {
        int low = from.DayNumber, high = to.DayNumber + 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (holds(DateOnly.FromDayNumber(middle)))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return DateOnly.FromDayNumber(low);
    }
}
