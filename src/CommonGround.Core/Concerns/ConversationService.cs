using CommonGround.Core.Attention;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Concerns;

public sealed record ConversationSummary(Conversation Conversation, int Unread);

/// <summary>
/// One page of a conversation with, for each message, who other than its author has read it: page 1 holds the latest
/// messages, each later page the ones before; within a page the oldest comes first, as they were written.
/// </summary>
public sealed record ConversationThread(Conversation Conversation, IReadOnlyList<Message> Messages, IReadOnlyList<ConversationRead> Reads, Concern? Concern,
    int PageNumber, bool HasEarlier)
{
    /// <summary>Whether the page holds the latest message, so reading it is reading everything so far.</summary>
    public bool IsLatest => PageNumber == 1;

    public IReadOnlyList<string> ReadBy(Message message) =>
        Reads.Where(r => r.UserAccountId != message.AuthorUserId && r.ReadUpTo >= message.SentAt).Select(r => r.ReaderName).Order(StringComparer.CurrentCulture).ToList();
}

public sealed record ConversationNotFound() : NotFoundError("This conversation could not be found");
public sealed record NotAllowedToWrite() : Error("You do not have permission to send messages about this child");
public sealed record SubjectMissing() : Error("Enter what the conversation is about", "Subject");
public sealed record MessageMissing() : Error("Enter your message", "Text");

public sealed class ConversationService(CommonGroundDbContext db, AccessService access, Notifier notifier, AttentionSignals signals, TimeProvider timeProvider)
{
    public const int MessagesPerPage = 25;

    /// <summary>The child's conversations the person may see, latest first, with how many messages they have not read.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(ChildAccess childAccess, Guid userId)
    {
        var visible = childAccess.SharedAreas.ToList();
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.ChildId == childAccess.Child.Id
                && (c.ConcernId == null || db.Concerns.Any(k => k.Id == c.ConcernId && visible.Contains(k.About))))
            .OrderByDescending(c => c.LastMessageAt)
            .Select(c => new
            {
                Conversation = c,
                Unread = db.Messages.Count(m => m.ConversationId == c.Id && m.AuthorUserId != userId
                    && !db.ConversationReads.Any(r => r.ConversationId == c.Id && r.UserAccountId == userId && r.ReadUpTo >= m.SentAt)),
            })
            .ToListAsync();
        return rows.Select(r => new ConversationSummary(r.Conversation, r.Unread)).ToList();
    }

    /// <summary>The conversation, if the person may see it (and the concern it is about).</summary>
    /// <summary>
    /// One page of the conversation, <see cref="MessagesPerPage"/> messages at most, so a long thread costs no more to
    /// open than a short one and a phone is not sent hundreds of messages at once.
    /// </summary>
    public async Task<ConversationThread?> GetAsync(ChildAccess childAccess, Guid conversationId, int pageNumber = 1)
    {
        if (await FindAsync(childAccess, conversationId) is not (var conversation, var concern))
        {
            return null;
        }

        pageNumber = Math.Max(1, pageNumber);
        var latestFirst = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Skip((pageNumber - 1) * MessagesPerPage).Take(MessagesPerPage + 1).ToListAsync();
        var messages = latestFirst.Take(MessagesPerPage).Reverse().ToList();
        var reads = await db.ConversationReads.AsNoTracking().Where(r => r.ConversationId == conversationId).ToListAsync();
        return new ConversationThread(conversation, messages, reads, concern, pageNumber, HasEarlier: latestFirst.Count > MessagesPerPage);
    }

    /// <summary>Whether the conversation is there and the person may see it, without reading its messages.</summary>
    public async Task<bool> IsVisibleAsync(ChildAccess childAccess, Guid conversationId) => await FindAsync(childAccess, conversationId) is not null;

    /// <summary>The conversation and the concern it is about, without its messages; null if the person may not see it.</summary>
    private async Task<(Conversation Conversation, Concern? Concern)?> FindAsync(ChildAccess childAccess, Guid conversationId)
    {
        if (!childAccess.Can(Capability.ViewRecord, RecordArea.Concerns)
            || await ConversationOf.For(db)(db, conversationId, childAccess.Child.Id) is not { } conversation)
        {
            return null;
        }

        var concern = conversation.ConcernId is { } concernId ? await ConcernOf.For(db)(db, concernId) : null;
        return concern is not null && !ConcernService.CanSee(childAccess, concern) ? null : (conversation, concern);
    }

    // Read for every view of a conversation and every message sent, so compiled once rather than looked up each time.
    private static readonly CompiledPerModel<Func<CommonGroundDbContext, Guid, Guid, Task<Conversation?>>> ConversationOf = new(() => EF.CompileAsyncQuery(
        (CommonGroundDbContext db, Guid id, Guid childId) => db.Conversations.AsNoTracking().SingleOrDefault(c => c.Id == id && c.ChildId == childId)));

    private static readonly CompiledPerModel<Func<CommonGroundDbContext, Guid, Task<Concern>>> ConcernOf = new(() => EF.CompileAsyncQuery(
        (CommonGroundDbContext db, Guid id) => db.Concerns.AsNoTracking().Single(c => c.Id == id)));

    /// <summary>The conversation about a concern, if one has been started.</summary>
    public Task<Conversation?> FindForConcernAsync(Guid concernId) =>
        db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.ConcernId == concernId);

    /// <summary>
    /// Records that the person has read everything in the conversation so far: their read receipt. Only the page with
    /// the latest message counts; looking back at earlier messages says nothing about the newer ones.
    /// </summary>
    public async Task MarkReadAsync(ConversationThread thread, Guid userId, string name)
    {
        if (!thread.IsLatest)
        {
            return;
        }

        var upTo = thread.Messages.Count == 0 ? thread.Conversation.StartedAt : thread.Messages[^1].SentAt;
        var read = await db.ConversationReads.SingleOrDefaultAsync(r => r.ConversationId == thread.Conversation.Id && r.UserAccountId == userId);
        if (read is null)
        {
            db.ConversationReads.Add(new ConversationRead { ConversationId = thread.Conversation.Id, UserAccountId = userId, ReaderName = name, ReadUpTo = upTo });
        }
        else if (read.ReadUpTo < upTo)
        {
            read.ReadUpTo = upTo;
            read.ReaderName = name;
        }
        else
        {
            return;
        }

        // Losing a race means the same person opened it twice at once; one receipt is enough.
        await db.TrySaveAsync();
    }

    /// <summary>Starts a conversation with its first message; about a concern that already has one, the message joins it.</summary>
    public async Task<Result<Conversation>> StartAsync(ChildAccess childAccess, string? subject, string? text, Guid? concernId, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.RaiseConcern, RecordArea.Concerns))
        {
            return new NotAllowedToWrite();
        }

        Concern? concern = null;
        if (concernId is { } id)
        {
            concern = await db.Concerns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.ChildId == childId);
            if (concern is null || !ConcernService.CanSee(childAccess, concern))
            {
                return new ConcernNotFound();
            }

            if (await db.Conversations.SingleOrDefaultAsync(c => c.ConcernId == id) is { } existing)
            {
                return await JoinAsync(childAccess, existing, concern, text, actor);
            }

            subject = concern.Topic;
        }

        Error? invalid = (subject, text) switch
        {
            (var s, _) when string.IsNullOrWhiteSpace(s) => new SubjectMissing(),
            ({ Length: > Conversation.MaxSubjectLength }, _) => new TextTooLong("Subject", Conversation.MaxSubjectLength),
            _ => null,
        };
        if (invalid is not null)
        {
            return invalid;
        }

        var now = timeProvider.UtcNow();
        var conversation = new Conversation
        {
            ChildId = childId, AreaId = childAccess.Child.AreaId, Subject = subject!.Trim(), ConcernId = concern?.Id,
            StartedAt = now, StartedByUserId = actor.UserId, StartedByName = actor.Name, LastMessageAt = now, MessageCount = 1,
        };
        db.Conversations.Add(conversation);
        try
        {
            return await AddMessageAsync(childAccess, conversation, concern, text, actor, isNew: true);
        }
        catch (DbUpdateException ex) when (concern is not null && SaveConflicts.IsLostRace(ex))
        {
            // The concern's one thread was started by another request at the same moment (a double click, two tabs):
            // the same words from the same person are already there; anything else joins that thread.
            db.ChangeTracker.Clear();
            return await JoinAsync(childAccess, await db.Conversations.SingleAsync(c => c.ConcernId == concern.Id), concern, text, actor);
        }
    }

    /// <summary>
    /// Adds a message to a concern's thread from "start a conversation", unless the same person already said the same
    /// words there: the second of two submissions of one message (a double click, two tabs) lands on the first.
    /// </summary>
    private async Task<Result<Conversation>> JoinAsync(ChildAccess childAccess, Conversation existing, Concern concern, string? text, UserActor actor)
    {
        var trimmed = text?.Trim();
        return await db.Messages.AnyAsync(m => m.ConversationId == existing.Id && m.AuthorUserId == actor.UserId && m.Text == trimmed)
            ? existing
            : await AddMessageAsync(childAccess, existing, concern, text, actor);
    }

    public async Task<Result<Conversation>> ReplyAsync(ChildAccess childAccess, Guid conversationId, string? text, UserActor actor)
    {
        // A reply reads the conversation, not every message in it: a long conversation costs no more to add to.
        if (await FindAsync(childAccess, conversationId) is not (var conversation, var concern))
        {
            return new ConversationNotFound();
        }

        if (!childAccess.Can(Capability.RaiseConcern, RecordArea.Concerns))
        {
            return new NotAllowedToWrite();
        }

        return await AddMessageAsync(childAccess, conversation, concern, text, actor);
    }

    private async Task<Result<Conversation>> AddMessageAsync(ChildAccess childAccess, Conversation conversation, Concern? concern, string? text, UserActor actor, bool isNew = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MessageMissing();
        }

        if (text.Trim().Length > Message.MaxTextLength)
        {
            return new TextTooLong("Text", Message.MaxTextLength);
        }

        var now = timeProvider.UtcNow();
        var message = new Message
        {
            ConversationId = conversation.Id, ChildId = conversation.ChildId, AuthorUserId = actor.UserId, AuthorName = actor.Name,
            AuthorOrganisationName = childAccess.IsFamily ? null : actor.OrganisationName, ByFamily = childAccess.IsFamily, Text = text.Trim(), SentAt = now,
        };
        db.Messages.Add(message);
        var readBySender = await db.ConversationReads.SingleOrDefaultAsync(r => r.ConversationId == conversation.Id && r.UserAccountId == actor.UserId);
        if (readBySender is null)
        {
            db.ConversationReads.Add(new ConversationRead { ConversationId = conversation.Id, UserAccountId = actor.UserId, ReaderName = actor.Name, ReadUpTo = now });
        }
        else
        {
            readBySender.ReadUpTo = now;
        }

        db.AuditEvents.Add(AuditEvent.ForChild(actor, childAccess.Child.Id, childAccess.Child.AreaId, now, new ChildChange(isNew ? AuditActions.ConversationStarted : AuditActions.MessageSent, RecordArea.Concerns, isNew ? "Started a conversation" : "Sent a message in a conversation", new ChangeSubject.Conversation(conversation.Id))));
        foreach (var recipient in await RecipientsAsync(childAccess.Child, conversation, concern, actor, childAccess.IsFamily))
        {
            await notifier.NotifyAsync(recipient, NotificationKind.Messages,
                $"{actor.Name} sent a message about {childAccess.Child.KnownAs}: \"{conversation.Subject}\"",
                $"{actor.Name} sent you a message about {childAccess.Child.KnownAs}",
                ChildLinks.Conversation(conversation.ChildId, conversation.Id), conversation.ChildId, concern?.Urgency == ConcernUrgency.Urgent, area: RecordArea.Concerns, about: concern?.About);
        }

        // The thread's count and latest time are added to in the database, in the message's transaction: replies sent at
        // the same moment each count, where a count read, added to and written back would lose some.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            if (!isNew)
            {
                await db.Conversations.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.MessageCount, c => c.MessageCount + 1)
                    .SetProperty(c => c.LastMessageAt, c => c.LastMessageAt < now ? now : c.LastMessageAt));
            }

            await transaction.CommitAsync();
        }

        // A message moves only when the family last heard from someone; it changes no concern, commitment or date.
        await signals.RefreshAfterChangeAsync(conversation.ChildId, AttentionRules.Contact);
        return conversation;
    }

    /// <summary>
    /// Who hears about a new message: the family when a professional writes; the key worker when the family writes; the
    /// concern's owner and the person who raised it; and anyone who has written in it before. Only those who can still see it.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> RecipientsAsync(Child child, Conversation conversation, Concern? concern, UserActor actor, bool byFamily)
    {
        var candidates = new HashSet<Guid>(await db.Messages.Where(m => m.ConversationId == conversation.Id).Select(m => m.AuthorUserId).Distinct().ToListAsync());
        if (!byFamily)
        {
            candidates.UnionWith(await db.FamilyMembers.Where(f => f.ChildId == child.Id).Select(f => f.UserAccountId).ToListAsync());
        }

        if (concern is not null)
        {
            candidates.Add(concern.RaisedByUserId);
            if (concern.OwnerProfessionalId is { } owner)
            {
                candidates.UnionWith(await db.Professionals.Where(p => p.Id == owner).Select(p => p.UserAccountId).ToListAsync());
            }
        }
        else if (byFamily)
        {
            candidates.UnionWith(await db.TeamMembers.Where(t => t.ChildId == child.Id && t.IsKeyWorker && t.LeftAt == null).Select(t => t.Professional!.UserAccountId).ToListAsync());
        }

        candidates.Remove(actor.UserId);
        var recipients = new List<Guid>();
        foreach (var userId in candidates)
        {
            if (await access.GetAsync(child.Id, userId) is { } theirs && theirs.Can(Capability.ViewRecord, RecordArea.Concerns)
                && (concern is null || ConcernService.CanSee(theirs, concern)))
            {
                recipients.Add(userId);
            }
        }

        return recipients;
    }
}
