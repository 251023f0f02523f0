"""Clean near-misses of every kind written in round 6 (issue 12): official announcements, brand
guideline news, patents, research on divisive topics, the institution's own contact details and
password-reset advice, quoting with credit, licensed and own images, union news, student success
stories and personal life. None may get a block/warn finding of a risk family or personal-use;
a rule that starts firing on one of them has over-reached."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.evaluate import CLEAN_FAMILIES
from townhall.policy.types import Context

CLEAN_POSTS = [
    ('x', 'official', 'Our refreshed visual identity launches today: a cleaner crest, new colours and a new '
        'typeface. Find the files on the brand hub.'),
    ('instagram', 'official', 'New logo, same university 💜 Our brand refresh rolls out across campus this month.'),
    ('x', 'official', "Here's the new crest on the Great Hall banner, looking good in the sun ☀️"),
    ('facebook', 'official', 'Our new university mugs and hoodies are in the campus shop now, featuring the crest '
        'and our colours.'),
    ('x', 'official', 'Clubs and societies: you can request the approved logo files for your kit from the brand team.'),
    ('x', 'official', 'Reminder: the old logo should no longer be used. Download the current version from '
        'the brand hub.'),
    ('x', 'research', 'New paper: how UK universities police their brands on social media. Open access in '
        'the Journal of Marketing Management.'),
    ('x', 'research', 'Our study of copyright infringement on TikTok found that most creators never credit '
        'the original music.'),
    ('linkedin', 'research', 'Delighted to give evidence to the IPO consultation on text and data mining exceptions '
        'this week.'),
    ('x', 'official', 'Our spin-out Cellmatrix has been granted a European patent for its tissue-scaffold '
        'technology. Congratulations!'),
    ('x', 'official', "We're proud that our researchers have been granted three UK patents this year."),
    ('x', 'personal', 'Really good long read in the FT on university finances, worth a subscription: ft.com/content'),
    ('x', 'personal', 'Highly recommend this New Yorker essay on grief (link). "Grief is love with nowhere to go."'),
    ('instagram', 'personal', 'Sunrise over the Pennines this morning, taken on my phone 🌄'),
    ('facebook', 'personal', 'All photos my own from our holiday in Pembrokeshire, such a lovely week'),
    ('x', 'official', 'Photo by Sam Okafor via Unsplash. Good luck to everyone sitting exams this week!'),
    ('x', 'official', 'Image: Wellcome Collection, CC BY 4.0. Our history of medicine exhibition opens Friday.'),
    ('instagram', 'official', '📸 Our own photographer, Lucy Grant, captured graduation day beautifully.'),
    ('x', 'personal', '"Education is the most powerful weapon which you can use to change the world." — '
        'Nelson Mandela'),
    ('x', 'official', 'Need to reset your university password? Go to the IT self-service portal and follow '
        'the steps. IT will never email you asking for it.'),
    ('x', 'official', "IT Services: if you've forgotten your password, call the Service Desk on 0161 275 "
        '5000 (8am to 6pm).'),
    ('linkedin', 'official', 'Press enquiries: press@sheffield.ac.uk or 0114 222 1046.'),
    ('x', 'official', 'Our Student Support team is here for you: studentsupport@bath.ac.uk, or drop into the '
        'Hub, Level 2.'),
    ('x', 'research', 'New report: public opinion on assisted dying in the UK has shifted sharply since '
        '2015. Full findings on our website.'),
    ('x', 'research', 'Our analysis of the Gaza and Israel coverage in UK newspapers is published today in '
        'Journalism Studies.'),
    ('threads', 'official', "huge congrats to Priya, our first-gen student who's just been named Young Engineer of "
        'the Year 🏆'),
    ('linkedin', 'official', 'Meet Daniel, who came to us through our Access programme and graduates this summer '
        'with a first in Law.'),
    ('facebook', 'personal', "UCU ballot closes on Friday, make sure you've voted, whatever you decide."),
    ('x', 'personal', 'Unison members: the branch AGM is on Wednesday at 12.30 in the Senate Room.'),
    ('instagram', 'personal', 'Sunday roast with the in-laws 🍗 feeling very full'),
    ('x', 'personal', 'Our cat has claimed my office chair again. Working from the sofa today.'),
    ('x', 'personal', 'So proud of my son, who passed his driving test today!'),
    ('x', 'official', 'Our new Esports Arena opens Monday, sponsored by Dell. Come and play!'),
    ('x', 'official', 'Thank you to our partners at Santander for funding 50 new bursaries this year.'),
    ('linkedin', 'official', 'The University is proud to partner with Leeds Teaching Hospitals on the new health '
        'innovation centre.'),
    ('x', 'official', 'Official: our graduation ceremonies will be held at the Bridgewater Hall this summer.'),
    ('x', 'official', 'Follow our official Instagram for behind-the-scenes from campus: @uniofexample'),
    ('x', 'personal', "Link to the Guardian piece about our lab's research: theguardian.com/science. Chuffed!"),
    ('x', 'research', 'The BBC covered our findings on river pollution today. Full paper (open access) '
        'linked in the thread.'),
    ('x', 'personal', 'Lovely piece by @janedoe on academic burnout, quoting: "rest is not a reward".'),
    ('x', 'research', 'Slides from my talk on fair use and fair dealing are on my website, all images '
        'CC-licensed or my own.'),
    ('x', 'personal', 'Karaoke night with the department! I murdered Bohemian Rhapsody 🎤'),
    ('x', 'personal', "Can't stop listening to the new Taylor Swift album. Which track is your favourite?"),
    ('x', 'official', 'Our music students performed their own compositions at the spring concert, recordings '
        'on our SoundCloud.'),
    ('x', 'research', 'Our film studies seminar this week looks at how Hitchcock used music. Clips shown in '
        'class under the education exception.'),
    ('x', 'personal', 'Our reading group is discussing the first chapter of Middlemarch this week. Library '
        'has copies.'),
    ('linkedin', 'personal', 'My article in The Conversation on student loans, republished under Creative Commons '
        'by the Independent.'),
    ('x', 'official', 'This photo of the quad in 1920 is from our University Archive. Look how little has changed!'),
    ('x', 'official', 'Reposting with credit: a lovely shot of our campus by @sarah_photos (shared with her '
        'permission).'),
    ('x', 'official', 'The Library can help with copyright questions for your teaching materials. Email '
        'copyright@leeds.ac.uk.'),
    ('x', 'official', 'Our Marketing team is hiring a Brand Manager. Apply by 30 June.'),
    ('x', 'research', 'Guest lecture: how fashion houses protect their trade marks. Thursday 4pm, all welcome.'),
    ('x', 'official', 'Beware of fake accounts using our logo and offering places for a fee. We will never '
        'DM you for payment.'),
    ('x', 'personal', 'Selling two tickets for the Arctic Monkeys gig in Sheffield, face value, DM me.'),
    ('x', 'personal', 'Ran the Manchester 10k for the British Heart Foundation this morning, thanks for the '
        'sponsorship 💪'),
    ('x', 'official', 'Happy Eid to all our students and staff celebrating today 🌙'),
    ('x', 'official', "Our Students' Union elections open on Monday. Read the candidates' manifestos and vote!"),
    ('instagram', 'official', "Student success: Amira's start-up has won the Santander Universities Entrepreneurship "
        'Award 🎉'),
    ('x', 'official', 'Spotted: our crest on the side of the new bus route to campus, thanks to First Bus '
        'for the partnership'),
    ('x', 'personal', 'Had a lovely lunch at the staff canteen, the new menu is great'),
    ('x', 'official', "The Students' Union shop stocks official University merchandise: scarves, ties and teddies."),
    ('x', 'official', "New staff: you'll find email signature templates and PowerPoint templates on the brand hub."),
    ('x', 'research', 'Our paper on misinformation during the Southport riots is now out, with examples of '
        'the posts we studied.'),
    ('linkedin', 'personal', "Honoured to have been quoted in today's Times piece on university funding (link)."),
    ('x', 'official', 'IT Services will never ask for your password. To reset it, visit the self-service '
        'page and use your registered mobile number.'),
    ('x', 'official', 'Phishing alert: emails claiming to be from "IT Support" asking you to verify your '
        'login are a scam. Report them to phishing@example.ac.uk.'),
    ('facebook', 'official', 'Our switchboard is open 8am to 6pm on 0121 204 4869. Out of hours, call Security on '
        'the same number.'),
    ('x', 'official', 'Visiting us? Our address is Aston Triangle, Birmingham B4 7ET. Parking is in the '
        'North Car Park.'),
    ('linkedin', 'official', 'Media enquiries: contact the Press Office on press@example.ac.uk.'),
    ('x', 'research', 'New paper: we interviewed 40 asylum seekers about their experience of the Rwanda '
        'scheme. Their accounts are hard reading.'),
    ('x', 'research', 'Our study of abortion attitudes across the UK finds strong support for '
        'decriminalisation in every region.'),
    ('x', 'research', 'We found that police stop-and-search rates are six times higher for Black people in '
        'our study area. Full report out today.'),
    ('x', 'research', 'Research seminar: "Free speech on campus: what the new Act changes". Thursday 1pm, '
        'all welcome.'),
    ('x', 'research', 'Our new book examines the history of the Troubles through oral testimony. Launch '
        'event at the Linen Hall Library.'),
    ('x', 'official', "Congratulations to our Women's Rugby team on promotion to the BUCS Premier League! 🏉"),
    ('x', 'official', 'Clearing is open! Call our hotline on 0121 204 4869 to talk to our admissions team.'),
    ('x', 'official', "Our Students' Union has been awarded the Green Impact Gold award for its "
        "sustainability work 🌱"),
    ('facebook', 'personal', 'UCU members: the ballot result is in. Turnout 58%, yes to strike action 71%. Details '
        'from the branch tonight.'),
    ('x', 'personal', 'Picket line at the main gate from 8am tomorrow. Bring a flask! ☕'),
    ('x', 'personal', 'Our staff choir sang at the Christmas concert tonight. Who knew Finance could hit '
        'those notes 🎶'),
    ('instagram', 'personal', 'First marathon done! Sore legs, happy heart 🏃\u200d♀️'),
    ('x', 'personal', "Happy 10th wedding anniversary to my wonderful wife. Still can't believe she said yes."),
    ('x', 'personal', 'Lovely walk with the dog before a day of marking 🐕'),
    ('facebook', 'personal', 'Our daughter started at primary school today, where have the years gone 😭'),
    ('x', 'personal', 'Finally finished reading Wolf Hall. What a book.'),
    ('x', 'personal', '"Not everything that is faced can be changed, but nothing can be changed until it is '
        'faced." (James Baldwin) Good advice for today\'s committee.'),
    ('x', 'personal', 'Brilliant thread by @histprof on the history of university funding, worth reading in full.'),
    ('x', 'research', 'Quote from our interviewee (shared with consent): "I didn\'t think people like me went '
        'to university."'),
    ('x', 'official', 'The Vice-Chancellor has written to all staff about the budget. Read her message on '
        'the intranet.'),
    ('x', 'official', 'Our logo and brand guidelines have moved to the new brand hub. Update your bookmarks!'),
    ('x', 'official', 'Reminder: please do not use the University crest on personal social media profiles. '
        'Guidance on the intranet.'),
    ('x', 'official', 'Our Open Day photos are now on Flickr. All photos by our student photographers. Tag yourself!'),
    ('x', 'research', 'We are looking for participants for a study on gambling and young adults. £10 voucher '
        'for taking part.'),
    ('x', 'research', 'Our research on the health effects of vaping among teenagers is published today in the BMJ.'),
    ('x', 'research', "New report: the UK's energy drink habit and its link to poor sleep in students."),
    ('x', 'official', "Good luck to all our students taking their finals this week. You've got this! 🍀"),
    ('x', 'official', 'The Library is open 24/7 during exams. Quiet study spaces are on floors 3 and 4.'),
    ('x', 'personal', 'Proud to be a trustee of our local food bank. If you can spare anything this winter, '
        'they need tinned fruit and toiletries.'),
    ('x', 'personal', 'My new book on Victorian childhood is out today with Bloomsbury! Launch at '
        'Waterstones on Friday 🥳'),
    ('x', 'personal', 'Our spin-out has just closed its seed round. Thanks to our investors and the '
        "university's Research & Innovation team."),
    ('x', 'official', "We're pleased to announce our new partnership with the Royal Shakespeare Company, "
        'bringing theatre to local schools.'),
    ('x', 'personal', 'Selling my old textbooks, mostly psychology, £5 each, pick up from campus.'),
    ('x', 'personal', 'Saw a brilliant production of Hamlet at the Globe last night. Go and see it!'),
    ('x', 'official', 'Our Graduation ceremonies will be live-streamed on our YouTube channel for family who '
        "can't attend."),
    ('x', 'research', 'Check out our new podcast episode on the economics of the music industry, with guest '
        'Prof Sarah Jones.'),
    ('x', 'official', "This year's Christmas card design was painted by our Fine Art student Maya Lee. Thank "
        'you Maya!'),
    ('x', 'personal', 'Elected as UCU branch secretary today. Looking forward to working with colleagues '
        'across the university.'),
    ('x', 'official', 'The University does not endorse any political party or candidate. Staff are free to '
        'campaign in a personal capacity.'),
    ('x', 'official', 'Our official statement on the national pay negotiations is available on our news page.'),
    ('x', 'personal', 'Was quoted in the Guardian today on the student mental health crisis (link). Important piece.'),
    ('x', 'personal', "Our lab's new logo, designed by the university's design team, is on our website. Love it!"),
    ('x', 'official', 'Want to use the University logo for your event? Request the approved files from the '
        'brand team.'),
    ('x', 'research', 'Conference paper accepted! Our talk on Creative Commons licensing in open education '
        'is at OER27.'),
    # the institution's accounts, credentials advice, politics and partnerships (hunt D)
    ('x', 'official', 'Follow our official accounts for updates: @exampleuni on X and Bluesky.'),
    ('x', 'official', 'Lost your student card? Replacements are £10 from the Hub. Bring photo ID.'),
    ('x', 'official', 'Staff: the pay award will be in your December salary. Questions to '
        'payroll@example.ac.uk.'),
    ('x', 'official', 'Our new Vice-Chancellor, Professor Helen Carter, takes up her post on 1 January.'),
    ('x', 'official', 'Applications for September are open. Apply through UCAS; our institution code is '
        'E59.'),
    ('x', 'official', 'To set up multi-factor authentication, download the Authenticator app and follow '
        'the guide on the IT pages.'),
    ('x', 'official', 'Wi-Fi: connect to eduroam with your university username and password. Never '
        'share them with anyone.'),
    ('x', 'research', 'Our paper on Israel, Gaza and the language of BBC headlines is out today. We '
        'compared 3,000 headlines.'),
    ('x', 'research', 'We surveyed 1,200 students on free speech and cancel culture. Most support the '
        'right to protest.'),
    ('x', 'research', 'Our analysis of the Brexit referendum vote by constituency is now open access.'),
    ('x', 'research', 'New study: transgender young people wait on average four years for NHS gender '
        'services.'),
    ('x', 'research', 'Our research on Islamophobia in UK newspapers finds coverage has grown more '
        'negative since 2015.'),
    ('x', 'personal', 'Great quote from today\'s keynote by Prof Lisa Hall: "data is never raw". Slides '
        'on her website.'),
    ('x', 'personal', 'Photo credit: my partner, who is far better with a camera than I am 📷'),
    ('x', 'official', '📷 Jo Smith Photography, commissioned by the University. Graduation 2026 '
        'highlights.'),
    ('x', 'official', 'Music: "Morning Light" by Ben Cole, licensed via Artlist. Our new campus video '
        'is here!'),
    ('x', 'personal', "Sharing the Guardian's piece on the housing crisis: "
        'https://www.theguardian.com/society. Thoughtful read.'),
    ('x', 'personal', 'Just watched the Succession finale. No spoilers but WOW.'),
    ('x', 'personal', 'Singing Mr Brightside at the department karaoke was a highlight of my career 🎤'),
    ('x', 'official', "Freshers' Fair is on Tuesday! 200 societies, free pizza, and a chance to meet "
        "your Students' Union officers."),
    ('x', 'official', "Our Students' Union is running a campaign to register students to vote before "
        'the general election deadline.'),
    ('x', 'personal', 'Proud to be standing as a Green Party candidate in my home ward. Views my own, '
        "not my employer's."),
    ('x', 'personal', 'Voted this morning. Whatever your politics, please use your vote 🗳️'),
    ('x', 'official', 'Our partnership with Cardiff University on coastal flooding research has won £2m '
        'from UKRI.'),
    ('x', 'official', 'We are an official partner of the Commonwealth Games, hosting athletes in our '
        'halls this summer.'),
    ('x', 'personal', 'Wearing my old college scarf with pride at the Boat Race today 🚣'),
    ('x', 'official', "Our crest has been part of the university for 150 years. Here's how it has "
        'changed over time.'),
    ('x', 'official', 'Staff can order business cards with the university logo through the print unit.'),
    ('x', 'personal', 'New profile picture, taken by my daughter at the beach. Not bad for a '
        '7-year-old!'),
    ('x', 'personal', 'Our cat knocked my coffee all over the marking. Send help.'),
    ('x', 'personal', 'Had to reset my password three times this week. IT desk staff are saints.'),
    ('x', 'official', 'Our Disability Advisory Service is at disability@example.ac.uk or on 0121 204 '
        '4869.'),
    ('x', 'official', "Student Mental Health: if you're struggling, contact Student Wellbeing or call "
        'Samaritans on 116 123.'),
]


@pytest.mark.parametrize(("network", "account", "text"), CLEAN_POSTS)
def test_round6_clean_near_miss(network: str, account: str, text: str) -> None:
    found = [f for f in check(text, Context(network, account)) if f.severity in ("warn", "block")]
    assert not [(f.code, f.family) for f in found if f.family in CLEAN_FAMILIES]
