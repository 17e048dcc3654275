using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;

namespace CommonGround.Core.Demo;

/// <summary>
/// Sam's week at school, a conversation long enough to be read a page at a time: from the start of term Priya wrote
/// each Friday about his week and Alex answered at the weekend, until the notes stopped two weeks ago, about when the
/// homework diary stopped coming home too.
/// </summary>
internal static class DemoWeeklyNotes
{
    private static readonly (string School, string Home)[] Weeks =
    [
        ("A settled week. Sam joined in with the class assembly and sat at the end of the row, which helped.", "Thank you. He mentioned the assembly at tea, which he never does."),
        ("Tuesday was hard after the fire drill. He used his quiet card and was back in class by break.", "He talked about the fire drill all weekend. Could you warn us if another one is planned?"),
        ("A good week for reading: he read two pages aloud in the small group.", "He read to his grandad on Sunday too. Thank you for keeping at it."),
        ("Swimming went well. The changing room is still noisy, so we will try the family cubicle next week.", "The family cubicle is a good idea. The noise bothered him at the pool on Saturday too."),
        ("He was tired on Thursday. He used the calm corner after lunch and then finished his maths.", "He has not been sleeping well, so that explains Thursday. We are trying an earlier bedtime."),
        ("Sam chose a partner for the science task on his own for the first time.", "Lovely to hear. He told us all about the magnets."),
        ("Harvest festival rehearsals were loud. He wore his ear defenders and stayed for all of it.", "He kept the ear defenders on in the car home, so it was a lot for him. Thank you for letting him stay."),
        ("A supply teacher on Wednesday. We showed him on his visual timetable the day before, and it went smoothly.", "That warning made all the difference. He told us the teacher's name on Tuesday night."),
        ("He showed the class his drawing of the bus route and answered their questions.", "He was so proud of that drawing. It is on the fridge now."),
        ("A wobbly Monday after the taxi was late, then a calm week.", "Monday was hard at home too. Let us see how the new pick-up time goes."),
        ("He has been using the new pencil grip and his handwriting is easier to read.", "We have bought the same grip for homework."),
        ("Play practice has started. He has the job of working the lights, which he loves.", "He has talked about the lights every night. Thank you."),
        ("He asked to stay in at lunch twice. We have started a Lego club on Wednesdays so he has somewhere to go.", "Lego club sounds perfect. He says lunchtimes are the hardest part of the day."),
    ];

    public static void Add(CommonGroundDbContext db, DateOnly monday, Child sam, UserActor alex, UserActor priya, Organisation brookside)
    {
        static DateTime At(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);
        // The oldest week first; the last Friday note came the week before last.
        var firstFriday = monday.AddDays(-3 - 7 * Weeks.Length);
        var thread = new Conversation
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Subject = "Sam's week at school",
            StartedAt = At(firstFriday.AddDays(-4), 9), StartedByUserId = priya.UserId, StartedByName = priya.Name, LastMessageAt = At(firstFriday.AddDays(-4), 9),
        };
        db.Conversations.Add(thread);
        void Say(UserActor by, DateTime at, string text)
        {
            var byFamily = by.UserId == alex.UserId;
            db.Messages.Add(new Message
            {
                ConversationId = thread.Id, ChildId = sam.Id, AuthorUserId = by.UserId, AuthorName = by.Name,
                AuthorOrganisationName = byFamily ? null : brookside.Name, ByFamily = byFamily, Text = text, SentAt = at,
            });
            thread.LastMessageAt = at;
            thread.MessageCount++;
            db.AuditEvents.Add(AuditEvent.ForChild(by, sam.Id, sam.AreaId, at, new ChildChange(thread.MessageCount == 1 ? AuditActions.ConversationStarted : AuditActions.MessageSent,
                RecordArea.Concerns, thread.MessageCount == 1 ? "Started a conversation" : "Sent a message in a conversation", new ChangeSubject.Conversation(thread.Id))));
        }

        Say(priya, thread.StartedAt, "Hello Alex. As we agreed, I will write here each Friday about Sam's week, and you can tell me how the weekend went.");
        for (var week = 0; week < Weeks.Length; week++)
        {
            var friday = firstFriday.AddDays(7 * week);
            Say(priya, At(friday, 15, 30), Weeks[week].School);
            Say(alex, At(friday.AddDays(2), 19, 45), Weeks[week].Home);
        }

        db.ConversationReads.Add(new ConversationRead { ConversationId = thread.Id, UserAccountId = alex.UserId, ReaderName = alex.Name, ReadUpTo = thread.LastMessageAt });
        db.ConversationReads.Add(new ConversationRead { ConversationId = thread.Id, UserAccountId = priya.UserId, ReaderName = priya.Name, ReadUpTo = thread.LastMessageAt });
    }
}
