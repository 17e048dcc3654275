using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Meetings;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;

namespace CommonGround.Core.Demo;

/// <summary>
/// Sam's week as the family lives it. Last Tuesday Alex raised a concern that the taxi arrives after the bell; Dan
/// acknowledged it the next day and they are talking it through, with his full answer still on its clock. This morning
/// Alex raised a second concern, about the homework diary, which is waiting to be acknowledged. And last Thursday Sam's
/// team met at school: Priya wrote the record with Alex's words first and shared it, and it waits for Alex to agree it.
/// In the taxi conversation Dan had the date of the route change wrong; Alex asked for it to be corrected, and Dan did.
/// </summary>
internal static class DemoConcernsAndMeetings
{
    private static WorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales;

    public static void Add(CommonGroundDbContext db, DateOnly monday, DateTime now, Child sam, UserAccount alex,
        Professional priya, Professional omar, Professional dan, Organisation brookside, Organisation transport)
    {
        static DateTime At(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);
        var alexActs = new UserActor(alex.Id, "Alex Morgan");
        var danActs = new UserActor(dan.UserAccountId, "Dan Whitfield") { OrganisationId = dan.OrganisationId };
        var priyaActs = new UserActor(priya.UserAccountId, "Priya Nair") { OrganisationId = priya.OrganisationId };

        // The taxi: raised last Tuesday evening, so its clocks start on Wednesday; acknowledged on Wednesday.
        var taxi = Raise(db, sam, alexActs, At(monday.AddDays(-6), 19, 30), "Taxi arriving after the bell", RecordArea.Transport,
            "The taxi has come after 8:50 three times in two weeks, so Sam walks into a full classroom and it takes him the morning to settle.",
            "A pick-up time that gets him there before the bell, and a text if the taxi is running late.", dan, "Dan Whitfield", transport);
        var acknowledged = At(monday.AddDays(-5), 10, 15);
        db.ConcernUpdates.Add(taxi.Acknowledge("Thank you for telling us. I am checking the pick-up times with the taxi company and will come back to you in full.", dan.UserAccountId, "Dan Whitfield", acknowledged)!);
        db.AuditEvents.Add(ConcernService.ChildEvent(danActs, sam, taxi, acknowledged, AuditActions.ConcernAcknowledged, "Acknowledged"));

        var thread = new Conversation
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Subject = taxi.Topic, ConcernId = taxi.Id,
            StartedAt = At(monday.AddDays(-5), 10, 20), StartedByUserId = dan.UserAccountId, StartedByName = "Dan Whitfield", LastMessageAt = At(monday.AddDays(-5), 10, 20),
        };
        db.Conversations.Add(thread);
        Message Say(UserActor by, bool byFamily, DateTime at, string text)
        {
            var message = new Message
            {
                ConversationId = thread.Id, ChildId = sam.Id, AuthorUserId = by.UserId, AuthorName = by.Name,
                AuthorOrganisationName = byFamily ? null : transport.Name, ByFamily = byFamily, Text = text, SentAt = at,
            };
            db.Messages.Add(message);
            thread.LastMessageAt = at;
            thread.MessageCount++;
            db.AuditEvents.Add(AuditEvent.ForChild(by, sam.Id, sam.AreaId, at, new ChildChange(thread.MessageCount == 1 ? AuditActions.ConversationStarted : AuditActions.MessageSent,
                RecordArea.Concerns, thread.MessageCount == 1 ? "Started a conversation" : "Sent a message in a conversation", new ChangeSubject.Conversation(thread.Id))));
            return message;
        }

        var question = Say(danActs, false, thread.StartedAt, "Could you tell me which mornings it was late, if you remember? The company says the route changed at half term.");
        Say(alexActs, true, At(monday.AddDays(-5), 18, 5), "Last Monday, Thursday and this Tuesday. Sam is the last pick-up on the route now, which is when it started.");
        Say(danActs, false, At(monday.AddDays(-4), 11, 40), "That helps, thank you. I have asked for Sam to be picked up first from next week and will confirm the new time with you.");
        // Dan had the date of the route change wrong; Alex asked for it to be corrected, and Dan corrected it.
        var asked = At(monday.AddDays(-4), 19, 10);
        var correction = new DataRights.CorrectionRequest
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Kind = DataRights.CorrectableKind.Message, SubjectId = question.Id, Part = RecordArea.Concerns,
            Link = ChildLinks.Conversation(sam.Id, thread.Id), Words = question.Text,
            WhatIsWrong = "The route did not change at half term. It changed at the start of September, and the taxi has been late since then.",
            SuggestedWords = "Could you tell me which mornings it was late, if you remember? The company says the route changed at the start of September.",
            AuthorUserId = dan.UserAccountId, AuthorName = "Dan Whitfield", OrganisationId = transport.Id, OrganisationName = transport.Name,
            RequestedByUserId = alex.Id, RequestedByName = "Alex Morgan", RequestedAt = asked, DueOn = DataRights.OneMonthClock.DueOn(asked, Calendar),
        };
        correction.Correct(correction.SuggestedWords, "You are right: the company's records show the new route started on 8 September.", dan.UserAccountId, "Dan Whitfield", At(monday.AddDays(-3), 9, 30));
        db.CorrectionRequests.Add(correction);
        db.AuditEvents.Add(AuditEvent.ForChild(alexActs, sam.Id, sam.AreaId, asked, new ChildChange(AuditActions.CorrectionRequested, RecordArea.Concerns,
            $"Alex Morgan asked {transport.Name} to correct Dan Whitfield's words, to answer by {UkDates.Date(correction.DueOn)}", new ChangeSubject.Correction(correction.Id))));
        db.AuditEvents.Add(AuditEvent.ForChild(danActs, sam.Id, sam.AreaId, correction.AnsweredAt!.Value, new ChildChange(AuditActions.CorrectionMade, RecordArea.Concerns,
            "Dan Whitfield corrected his own words at the family's request; the earlier words are kept", new ChangeSubject.Correction(correction.Id))));

        db.ConversationReads.Add(new ConversationRead { ConversationId = thread.Id, UserAccountId = alex.Id, ReaderName = "Alex Morgan", ReadUpTo = At(monday.AddDays(-4), 11, 40) });
        db.ConversationReads.Add(new ConversationRead { ConversationId = thread.Id, UserAccountId = dan.UserAccountId, ReaderName = "Dan Whitfield", ReadUpTo = At(monday.AddDays(-5), 18, 5) });

        // The homework diary: raised an hour ago, for Sam's key worker, not yet acknowledged.
        Raise(db, sam, alexActs, now.AddHours(-1), "Homework diary not coming home", RecordArea.Education,
            "Sam's homework diary has not come home for two weeks, so we do not know what homework he has or how his day went.",
            "The diary in his bag each Friday, or the same news by message.", priya, "Priya Nair", brookside);

        AddCheckIn(db, monday, sam, alex, alexActs, priya, priyaActs, omar, brookside);
        DemoWeeklyNotes.Add(db, monday, sam, alexActs, priyaActs, brookside);
    }

    private static Concern Raise(CommonGroundDbContext db, Child sam, UserActor alex, DateTime at, string topic, RecordArea about, string what, string help,
        Professional owner, string ownerName, Organisation organisation)
    {
        var startsOn = ConcernClock.StartsOn(at, Calendar);
        var standard = ResponseStandard.DefaultFor(organisation.Id);
        var concern = new Concern
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Topic = topic, About = about, WhatIsHappening = what, WhatWouldHelp = help, Urgency = ConcernUrgency.Standard,
            RaisedAt = at, RaisedByUserId = alex.UserId, RaisedByName = alex.Name, RaisedByFamily = true,
            OwnerOrganisationId = organisation.Id, OwnerOrganisationName = organisation.Name, OwnerProfessionalId = owner.Id, OwnerName = ownerName,
            ClockStartsOn = startsOn,
            AcknowledgeBy = ConcernClock.DueOn(startsOn, standard.AcknowledgeDays(ConcernUrgency.Standard), Calendar),
            RespondBy = ConcernClock.DueOn(startsOn, standard.RespondDays(ConcernUrgency.Standard), Calendar),
        };
        db.Concerns.Add(concern);
        db.ConcernUpdates.Add(concern.Raise(alex.UserId, alex.Name, byFamily: true));
        db.AuditEvents.Add(ConcernService.ChildEvent(alex, sam, concern, at, AuditActions.ConcernRaised,
            $"Raised a concern about {about.ToDisplayName()}, for {ownerName} to answer"));
        return concern;
    }

    /// <summary>Last Thursday's check-in at school: Alex's item first, one action for Omar, the record shared on Friday for Alex to agree.</summary>
    private static void AddCheckIn(CommonGroundDbContext db, DateOnly monday, Child sam, UserAccount alex, UserActor alexActs, Professional priya, UserActor priyaActs,
        Professional omar, Organisation brookside)
    {
        static DateTime At(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);
        var held = monday.AddDays(-4);
        var meeting = new Meeting
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Kind = MeetingKind.CheckIn, StartsAt = At(held, 15, 30), DurationMinutes = 45,
            Place = "Brookside Primary School, the SENCO's room", OrganiserUserId = priya.UserAccountId, OrganiserName = "Priya Nair", OrganiserEmail = "senco@example.org",
            OrganiserOrganisationId = brookside.Id, OrganiserOrganisationName = brookside.Name,
            NoteTakerUserId = priya.UserAccountId, NoteTakerName = "Priya Nair", ScheduledAt = At(monday.AddDays(-14), 12),
        };
        meeting.Invitees.Add(new MeetingInvitee { MeetingId = meeting.Id, UserAccountId = alex.Id, Name = "Alex Morgan", Email = alex.Email!, Role = "Parent carer", IsFamily = true, Attended = true });
        meeting.Invitees.Add(new MeetingInvitee { MeetingId = meeting.Id, UserAccountId = priya.UserAccountId, Name = "Priya Nair", Email = "senco@example.org", Role = "SENCO, Brookside Primary School", IsFamily = false, Attended = true });
        meeting.Invitees.Add(new MeetingInvitee { MeetingId = meeting.Id, UserAccountId = omar.UserAccountId, Name = "Omar Shah", Email = "omar.shah@example.org", Role = "Deputy SENCO, Brookside Primary School", IsFamily = false, Attended = true });
        meeting.AgendaItems.Add(new AgendaItem
        {
            MeetingId = meeting.Id, Title = "Mornings before school", Detail = "Sam is anxious on the mornings the taxi is late.", AddedByUserId = alex.Id, AddedByName = "Alex Morgan", AddedByFamily = true,
            AddedAt = At(monday.AddDays(-8), 20), Notes = "Late taxis are being looked at by transport. Until then, Sam can go straight to the library for ten quiet minutes when he arrives late.",
        });
        meeting.AgendaItems.Add(new AgendaItem
        {
            MeetingId = meeting.Id, Title = "Lunchtimes now Omar runs the club", AddedByUserId = priya.UserAccountId, AddedByName = "Priya Nair", AddedByFamily = false,
            AddedAt = At(monday.AddDays(-7), 9), Notes = "Sam has been at every session since Omar took over and has started bringing a friend.",
        });
        db.Meetings.Add(meeting);
        db.AuditEvents.Add(AuditEvent.ForChild(priyaActs, sam.Id, sam.AreaId, meeting.ScheduledAt, new ChildChange(AuditActions.MeetingScheduled, RecordArea.Meetings,
            "Arranged a meeting: check-in", new ChangeSubject.Meeting(meeting.Id))));

        meeting.WriteFamilyViews("Sam is happier at lunchtimes and talks about the club at home. Mornings are still hard: a late taxi spoils his whole day.", "Alex Morgan");
        db.AuditEvents.Add(AuditEvent.ForChild(alexActs, sam.Id, sam.AreaId, At(held.AddDays(-1), 21), new ChildChange(AuditActions.MeetingFamilyViewsWritten, RecordArea.Meetings,
            "Wrote the family's views for the record of the check-in", new ChangeSubject.Meeting(meeting.Id))));

        var written = At(held.AddDays(1), 15);
        meeting.WriteRecord(meeting.FamilyViews, "Sam told Omar he likes the club because it is quiet and he can draw.",
            "Keep the lunchtime club three days a week. A quiet start in the library on late mornings until the taxi is sorted.", null, "Priya Nair");
        var photoTimetable = new Commitment
        {
            ChildId = sam.Id, AreaId = sam.AreaId, What = "Send home a photo timetable of the new lunchtime routine", RecordArea = CommitmentArea.Education,
            Source = CommitmentSource.Meeting, MeetingId = meeting.Id, Kind = CommitmentKind.OneOff, DueDate = monday.AddDays(4),
            OwnerProfessionalId = omar.Id, OwnerName = "Omar Shah", OwnerOrganisationId = brookside.Id, OwnerOrganisationName = brookside.Name,
            CreatedAt = written, CreatedByUserId = priya.UserAccountId, CreatedByName = "Priya Nair",
        };
        photoTimetable.ChangeStatus(CommitmentStatus.Agreed, "Agreed at the meeting", priya.UserAccountId, "Priya Nair", written, held.AddDays(1));
        db.Commitments.Add(photoTimetable);
        db.AuditEvents.Add(CommitmentSteps.Added(priyaActs, photoTimetable, written));
        db.AuditEvents.Add(AuditEvent.ForChild(priyaActs, sam.Id, sam.AreaId, written, new ChildChange(AuditActions.MeetingRecordWritten, RecordArea.Meetings,
            "Wrote the record of the check-in", new ChangeSubject.Meeting(meeting.Id))));

        var shared = written.AddMinutes(20);
        var kind = meeting.Share();
        db.MeetingRecordVersions.Add(new MeetingRecordVersion
        {
            MeetingId = meeting.Id, Number = meeting.RecordVersionNumber, Kind = kind, Content = MeetingRecordContent.Of(meeting, [photoTimetable]).ToJson(),
            CreatedAt = shared, CreatedByName = "Priya Nair",
        });
        db.AuditEvents.Add(AuditEvent.ForChild(priyaActs, sam.Id, sam.AreaId, shared, new ChildChange(AuditActions.MeetingRecordShared, RecordArea.Meetings,
            "Shared the record of the check-in for the family to agree", new ChangeSubject.Meeting(meeting.Id))));
    }
}
