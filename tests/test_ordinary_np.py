"""Ordinary one-to-one drafts near the no-personalization habit get no judgment finding.

The no-personalization rules read what a message lacks: a name in the greeting, anything about
the reader. Real messages often open without a name or with "Hi," and still are written for one
person: a reply inside a conversation, an X message that answers the reader's thread, a student
who names the reader's paper, a customer who names the shop's listing. These drafts do that,
in every channel, and none may draw a finding of any judgment family. All were written for this
test; none comes from a corpus.
"""

from __future__ import annotations

from ordinary import no_judgment_test, uncovered

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    # X messages that answer the reader's own thread, talk or shop (NP106 on x-dm)
    ("x-dm", "Your thread on sourdough hydration fixed my flat loaves. Did you ever try rye at 80%?"),
    ("x-dm", "Loved the Leeds talk on tram maps! Is the deck online anywhere?"),
    ("x-dm", "hey, the link in your bio to the Friday ride route is broken, thought you'd want to know"),
    ("x-dm", "Saw you're moving to Lisbon in May. Marta says the flat above hers is free if you still need one."),
    ("x-dm", "thanks for the bike shop tip, they trued the wheel in ten minutes"),
    ("x-dm", "You asked about the Tuesday ride: we leave the bridge at 6:30 and stop at the cafe."),
    ("x-dm", "Here is the recipe you wanted, the one with brown butter and a pinch of salt."),
    ("x-dm", "Priya, your pottery glaze videos are the reason I bought a kiln. Which clay body do you use?"),
    # replies inside a conversation and messages between people who know each other
    ("dm", "are you still bringing the tent on Saturday? I can pick it up after work"),
    ("dm", "Hi there! Mum says the train gets in at six, so dinner at seven?"),
    # a chat's greeting before what the group is doing is not a seller's pitch (NP122)
    ("dm", "Hi there! Our prices for the bake sale are on the poster, a pound a slice."),
    ("dm", "Hi there, we offer free lifts to the station for the fundraiser, just reply with a time."),
    ("dm", "Hey friend! Our company picnic moved to the park by the river, bring a blanket."),
    ("linkedin-dm", "Thanks for connecting, Sam! As you suggested at the meetup, here is the repo with the retry fix."),
    ("linkedin-dm", "Hi, following on from our chat at the Porto meetup: the slides are in the shared folder."),
    ("follow-up-email", "Hi,\n\nAs discussed on Tuesday, the signed lease is attached. The keys are with Marta at reception."),
    ("follow-up-email", "Hello Jo,\n\nOne more detail for the Saturday rota: the hall opens at nine, not ten."),
    # first messages that name the reader's work
    ("cold-email", "Hi there,\n\nI'm a second-year student at Leeds and read your thesis on tidal turbines. How did you measure blade fatigue?"),
    ("cold-email", "Hello,\n\nI'm writing about the oak desk you listed on Gumtree. Is it still for sale, and could I collect it on Sunday?"),
    ("cold-email", "Dear Dr Okafor,\n\nYour 2021 paper on sleep spindles is why I applied to the Bristol programme. Do you take summer students?"),
    ("linkedin-connect", "Hi Ana, your talk on dbt snapshots at Coalesce was great. I'd love to connect."),
    ("linkedin-inmail", "Hi Priya, your paper on ward rostering is why I'm writing: does the model handle split shifts?"),
    # what names the reader is specific: their named thing, which one of their things, a reply
    ("cold-email", "Hello,\n\nI loved your recent post on night-shift rosters at St Mary's. Did the four-on, four-off pattern cut sick days?"),
    ("follow-up-email", "Hi,\n\nHere is the floor plan you wanted, with the fire exits marked in red."),
    ("cold-email", "Hello,\n\nAs per your request, the signed NDA is attached."),
    ("cold-email", "Hi Dana,\n\nYour team's retro notes from the Leeds launch were the clearest I have read. Could I borrow the format?"),
    ("cold-email", "Dear Dr Hale,\n\nI'm Dana from Rackly; your paper on pick-path heuristics is why I'm writing. Did you test it with two-deep racking?"),
    ("linkedin-connect", "I liked your article, Ten Rules for Small Kitchens, and would like to connect."),
    ("x-dm", "Your harbour photos from the Whitby trip made my week. Which lens was that?"),
    # near the new merge-field and salutation forms: a price, a hashtag, a name that starts "Inc"
    ("cold-email", "Dear Ms Incledon,\n\nThe invoice for the Harrogate fitting is attached; it came in $40 under the quote."),
    ("linkedin-dm", "Hi Sam, the #firstaid session moved to the Friday slot and the $15 fee covers lunch."),
    ("follow-up-email", "Hi Jo,\n\nThe board asked for the minutes from Tuesday; they are in the shared folder now."),
    # false-alarm hunt (round 5): specific first messages whose evidence is a named or
    # located thing of the reader's (NP106 no longer counts "your <any word>"), a shop, a
    # referral, a group's thread, a reply after a meeting, a friend's chat
    ('cold-email', 'Hello,\n\nI run Fernleaf, a two-person studio that makes tide clocks. Your shop in Whitby stocks barometers but no tide clocks; would a sale-or-return box of six suit you?'),
    ('cold-email', "Hi,\n\nYour menu says the kitchen closes at nine, but we're a party of twelve landing at half past. Could you hold a table and a cold platter for us on the 14th?"),
    ('cold-email', "Dear Ms Achebe,\n\nWe're a charity that plants street trees in Salford. Last spring your donation paid for the limes on Cross Lane; would you like to see them in leaf on Saturday?"),
    ('cold-email', "Hi Tomas,\n\nThe role is a senior data engineer at Brightlight, £78k, hybrid from Leeds. I'm writing to you because your Airflow talk at PyData covered the exact backfill mess we have. Open to hearing more?"),
    ('cold-email', "Hello there,\n\nI'm a PhD student in Aberdeen; your 2019 survey of kelp forests is the baseline for my thesis. Did you keep the raw quadrat counts?"),
    ('cold-email', 'Hi,\n\nI found a typo in chapter 3 of your Rust book: the borrow example on page 41 moves the vector twice. Happy to send a pull request if the repo is public.'),
    ('cold-email', 'Good morning,\n\nYour experience running the Kirkby food bank through the winter is what our new volunteers need to hear. Could you speak at our training evening in March?'),
    ('follow-up-email', "Hi Jo,\n\nNews since our call: the council approved the second ramp, so the May opening holds. I've attached the new drawings with the handrail heights you asked about."),
    ('follow-up-email', 'Hi all,\n\nThanks for a great rehearsal on Tuesday. Sopranos, please bring the new Fauré scores; altos, the bar 40 entry is still early.'),
    ('linkedin-connect', 'Hi Marta, we were both on the Lisbon transit panel on Thursday; your point about night buses stuck with me. Happy to connect.'),
    ('linkedin-connect', 'Your thread on pricing a first design job got me my first client at a fair rate. Would love to connect.'),
    ('linkedin-dm', 'Hi Sam, congrats on shipping the offline mode for Tally! We hit the same sync conflicts last year; happy to share how we merged edits, if useful.'),
    ('linkedin-dm', "Hello, I'm the new coordinator of the Leeds mentoring scheme. Priya said you mentored two juniors last year and might take one more; would you?"),
    ('linkedin-inmail', 'Hi Okafor, the ward rostering model in your paper handles split shifts better than ours. Could I ask how you weighted weekend preferences?'),
    ('x-dm', 'hey! your map of the Peak District cafes is brilliant, the one in Hathersage closed in June though'),
    ('x-dm', 'Hi there 👋 is the Thursday ride still on if it rains? I can bring spare lights'),
    ('x-dm', 'Your reply about the bus lane camera was spot on. Do you know which council office handles the appeals?'),
    ('dm', "hey! we're doing a bake sale for the school trip on friday, could you make your lemon bars again?"),
    ('dm', "Hi there, our band is playing the Crown on Saturday, you said you'd come, doors at 8"),
    ('dm', 'We are a small group of parents running a toy swap in the church hall, want to bring anything?'),
    ('cold-email', "Hi Priya,\n\nI'm Dana from Rackly. I noticed your warehouse in Wakefield added a second shift in January; our pick-path tool was built for exactly that jump. Would a one-page comparison help?"),
    ('cold-email', "Hello,\n\nI'm writing about the flat you advertised on Rightmove, the one on Carr Lane. Is the second bedroom big enough for a double bed?"),
    ('follow-up-email', 'Hi,\n\nAs promised, here are the three quotes for the fence, with the cheapest one from Hallam Joinery first.'),
    ('cold-email', 'Dear Professor Lin,\n\nYour lecture notes on Bayesian survival models helped me pass my exam. Is there a second edition planned?'),
    ('x-dm', 'Hello, the code in your gist about parsing GPX files throws on empty tracks, I fixed it locally if you want the patch'),
    ('cold-email', "Hi,\n\nI'm a Year 10 teacher at Oakfield School. Your museum's Roman coin handling box is booked until June; is there a waiting list for the autumn term?"),
    ('x-dm', 'your zine about the canal boats made me laugh, is issue two out yet?'),
    ('cold-email', 'I read your blog about moving off Heroku and tried the same Postgres dump trick. Did you hit the extension problem with PostGIS?'),
    ('cold-email', 'Your answer about flaky Selenium waits saved my week. Would you mind if I quoted it in our team wiki?'),
    # broadcast posts and comments have no single recipient: never no-personalization
    ("linkedin-post", "Hi all, our Leeds office moves to Park Row on Monday; the new door code is on the wiki."),
    ("x-post", "Hello everyone! The Friday ride starts at the bridge at 7am, lights on please."),
    ("facebook-post", "Hi neighbours, the street party is on the 14th; bring a chair and a dish to share."),
    ("instagram-post", "Hey friends, the spring glaze batch is out of the kiln and the blue one cracked."),
    ("comment", "Hi there, the second chart has the axes swapped; the 2019 values are on the wrong side."),
]


test_ordinary_one_to_one_text_gets_no_judgment_finding = no_judgment_test(ORDINARY, "np-ordinary")


def test_every_channel_is_covered() -> None:
    assert uncovered(ORDINARY) == []
