using System.Linq.Expressions;
using CommonGround.Core.Access;
using CommonGround.Core.Data;

namespace CommonGround.Core.Team;

/// <summary>
/// Whether a place on a child's team is shared a part of the record on a day, asked of the place's kept bits
/// (<see cref="TeamMember.SharedPartBits"/>) and, only for a place with dated decisions, of the decisions themselves.
/// Gives the same answer as asking the decisions (<see cref="SharingConsent.ActiveOn"/>) for every place, today and after.
/// </summary>
public static class SharedParts
{
    public static int Bit(RecordArea part) => 1 << (int)part;

    /// <summary>The parts whose bits are set.</summary>
    public static IEnumerable<RecordArea> In(int bits) => Enum.GetValues<RecordArea>().Where(part => (bits & Bit(part)) != 0);

    /// <summary><see cref="Bit"/> for a query: a part read from a row becomes a choice the database makes. Declared before the rule that reads it.</summary>
    private static readonly Expression<Func<RecordArea, int>> BitOf = BuildBitOf();

    /// <summary>
    /// The rule, to apply inside a query given to <see cref="QueryParts.Inline{T1, TResult}"/>, for today or a later day:
    /// a day before a decision was made is not one a request is served on, and the kept parts do not answer for it.
    /// </summary>
    public static readonly Expression<Func<TeamMember, RecordArea, DateOnly, bool>> SharesOn = QueryParts.Inline(
        (TeamMember place, RecordArea part, DateOnly today) =>
            (place.SharedPartBits & BitOf.Apply(part)) != 0
            || (place.SharesWithDates && place.Consents.Any(c => c.Area == part && SharingConsent.ActiveOnDay.Apply(c, today))));

    private static Expression<Func<RecordArea, int>> BuildBitOf()
    {
        var part = Expression.Parameter(typeof(RecordArea), "part");
        Expression body = Expression.Constant(0);
        foreach (var each in Enum.GetValues<RecordArea>().Reverse())
        {
            body = Expression.Condition(Expression.Equal(part, Expression.Constant(each)), Expression.Constant(Bit(each)), body);
        }

        return Expression.Lambda<Func<RecordArea, int>>(body, part);
    }
}
