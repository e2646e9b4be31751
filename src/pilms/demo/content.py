"""The content of the demo school that ``pilms demo`` loads: people, courses and lessons.

This module is pure data (no I/O); the loader turns it into users, courses and lessons.

Media placeholders
------------------
Lesson HTML never holds a real URL: the classroom is offline and media URLs are only known once
the loader has stored the files. Instead, an image or audio source is written as
``asset:FILENAME`` (for example ``<img src="asset:water-cycle.png" alt="...">`` or
``<audio controls src="asset:water-cycle-narration.mp3"></audio>``), where FILENAME is a file in
the ``assets/`` folder next to this module. The loader stores each such file as a media item and
replaces every ``asset:FILENAME`` with that item's URL before it saves the lesson; it must do so
before the HTML is sanitised, since a sanitiser drops the unknown ``asset:`` scheme.
``DemoCourse.cover`` names a file in ``assets/`` directly, without the prefix.

The files in ``assets/`` are made by ``scripts/make-demo-assets.py`` and committed, so nothing
is generated at run time.

Lesson HTML uses only the tags and attributes that the lesson sanitiser allows: headings h2-h4,
paragraphs, lists, tables with th/td, figure with figcaption, img and audio; no class, style or
id attributes and no external links.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoLesson:
    title: str
    html: str  # lesson body, sanitised-style HTML with asset: placeholders
    published: bool = True


@dataclass(frozen=True)
class DemoCourse:
    title: str
    description: str  # 1-3 sentences, plain text
    instructor: int  # index into INSTRUCTORS
    cover: str  # file name of a cover image in assets/
    lessons: tuple[DemoLesson, ...]


_DOMAIN = "demo.pilms.local"

INSTRUCTORS: tuple[tuple[str, str], ...] = (
    ("Rosario Dimaano", f"rosario.dimaano@{_DOMAIN}"),
    ("Daniel Aquino", f"daniel.aquino@{_DOMAIN}"),
)

STUDENTS: tuple[tuple[str, str], ...] = (
    ("Andrea Mae Santos", f"andrea.santos@{_DOMAIN}"),
    ("Juan Miguel dela Cruz", f"juan.delacruz@{_DOMAIN}"),
    ("Kristine Joy Reyes", f"kristine.reyes@{_DOMAIN}"),
    ("Paolo Bautista", f"paolo.bautista@{_DOMAIN}"),
    ("Bea Villanueva", f"bea.villanueva@{_DOMAIN}"),
    ("Carlo Mendoza", f"carlo.mendoza@{_DOMAIN}"),
    ("Danica Ramos", f"danica.ramos@{_DOMAIN}"),
    ("Rafael Tolentino", f"rafael.tolentino@{_DOMAIN}"),
    ("Isabel Flores", f"isabel.flores@{_DOMAIN}"),
    ("Nathaniel Manalo", f"nathaniel.manalo@{_DOMAIN}"),
    ("Rhea Cabahug", f"rhea.cabahug@{_DOMAIN}"),
    ("Joshua Dimaculangan", f"joshua.dimaculangan@{_DOMAIN}"),
    ("Kyla Magbanua", f"kyla.magbanua@{_DOMAIN}"),
    ("Aliyah Mangondato", f"aliyah.mangondato@{_DOMAIN}"),
    ("Lorenzo Dizon", f"lorenzo.dizon@{_DOMAIN}"),
    ("Mika Soriano", f"mika.soriano@{_DOMAIN}"),
    ("Jericho Pascual", f"jericho.pascual@{_DOMAIN}"),
    ("Patricia Mercado", f"patricia.mercado@{_DOMAIN}"),
    ("Gabriel Castillo", f"gabriel.castillo@{_DOMAIN}"),
    ("Angelica Tan", f"angelica.tan@{_DOMAIN}"),
    ("Aiko Tanaka", f"aiko.tanaka@{_DOMAIN}"),
    ("Priya Sharma", f"priya.sharma@{_DOMAIN}"),
    ("Liam O'Brien", f"liam.obrien@{_DOMAIN}"),
    ("Fatima Al-Hassan", f"fatima.alhassan@{_DOMAIN}"),
    ("Lan Nguyen", f"lan.nguyen@{_DOMAIN}"),
    ("Wei Chen", f"wei.chen@{_DOMAIN}"),
    ("Amara Okafor", f"amara.okafor@{_DOMAIN}"),
    ("Sofía Hernández", f"sofia.hernandez@{_DOMAIN}"),
    ("Min-jun Kim", f"minjun.kim@{_DOMAIN}"),
    ("Lukas Müller", f"lukas.mueller@{_DOMAIN}"),
)


# Science: the water cycle and weather ------------------------------------------------------------

_WATER_ON_OUR_PLANET = """\
<h2>A blue planet</h2>
<p>Seen from space, Earth looks like a blue marble. That is because about 71% of its surface is
covered by water. Water is in the oceans, in rivers and lakes, frozen in ice, hidden under the
ground, floating in the air and even inside you: more than half of your body weight is water.</p>
<p>Water is always on the move, and the same water has been used again and again for billions of
years. Some of the water in your glass today may once have fallen as rain on a dinosaur!</p>

<h3>Where is Earth's water?</h3>
<p>Most of Earth's water is salt water in the oceans. We cannot drink it, and most crops cannot
grow with it. Only about 2.5% of all the water on Earth is fresh water, and most of that is
frozen in ice or hidden under the ground.</p>
<table>
<caption>Where Earth's water is found (approximate figures from the U.S. Geological
Survey)</caption>
<thead>
<tr><th scope="col">Where the water is</th><th scope="col">Share of all Earth's water</th>
<th scope="col">Salt or fresh?</th></tr>
</thead>
<tbody>
<tr><td>Oceans, seas and bays</td><td>96.5%</td><td>Salt</td></tr>
<tr><td>Ice caps, glaciers and permanent snow</td><td>1.7%</td><td>Fresh (frozen)</td></tr>
<tr><td>Groundwater (water in soil and rock under the ground)</td><td>1.7%</td>
<td>About half fresh, half salty</td></tr>
<tr><td>Lakes, rivers, swamps, soil moisture, the air and living things</td>
<td>less than 0.1%</td><td>Mostly fresh</td></tr>
</tbody>
</table>
<p>Look at the last row. The lakes and rivers that we see every day hold less than one tenth of
one percent of all the water on Earth.</p>

<h3>Three states of water</h3>
<p>Water is special because it is found naturally in all three states of matter:</p>
<ul>
<li><strong>Solid:</strong> ice, snow and hail. Pure water freezes at 0 °C.</li>
<li><strong>Liquid:</strong> the water in seas, rivers, rain and your drinking glass.</li>
<li><strong>Gas:</strong> water vapor, which is invisible. Water boils at 100 °C at sea level,
but it also evaporates slowly at ordinary temperatures, which is why wet clothes dry on a
line.</li>
</ul>
<p>Be careful: the white "steam" you see above a kettle, and the clouds in the sky, are
<em>not</em> water vapor. They are millions of tiny drops of liquid water. Real water vapor cannot
be seen.</p>

<h3>Why fresh water matters</h3>
<p>Every living thing needs water. People need clean water for drinking, cooking, washing and
growing food. Because there is so little fresh water that we can easily reach, it is important
not to waste it or pollute it. Here are some things you can do at home and at school:</p>
<ol>
<li>Turn off the tap while you brush your teeth or soap your hands.</li>
<li>Collect rainwater in a covered drum and use it to water plants. Keep the cover on so that
mosquitoes cannot lay their eggs in it.</li>
<li>Reuse the water from rinsing rice or vegetables to water the garden.</li>
<li>Tell an adult when you see a dripping tap or a leaking pipe.</li>
<li>Never throw garbage into rivers, canals or the sea.</li>
</ol>

<h3>Try this: all of Earth's water in one bottle</h3>
<p>Imagine that all the water on Earth could fit into a one-liter bottle (1,000 mL). The fresh
water would be only about 25 mL, or five teaspoons. The water in all the world's lakes and rivers
would be only two or three drops! Measure out 25 mL of water into a small cup next to a full
one-liter bottle to see the difference for yourself.</p>
<p><strong>Think about it:</strong> Why must people take good care of the small amount of fresh
water on Earth? Write two or three sentences in your notebook.</p>
"""

_THE_WATER_CYCLE = """\
<h2>Water that travels</h2>
<p>The water on Earth is always moving between the oceans, the air and the land. This journey
has no beginning and no end, so it is called the <strong>water cycle</strong>. The sun gives the
energy that lifts water into the sky, and gravity pulls it back down again.</p>
<figure>
<img src="asset:water-cycle.png" alt="Diagram of the water cycle. 1, Evaporation: the sun heats
the sea and wavy arrows rise from the water towards a white cloud. 2, Condensation: the water
vapor forms the cloud. The wind carries the cloud to a grey rain cloud over a mountain. 3,
Precipitation: rain falls on the land. 4, Collection: water runs off down a river to the sea and
soaks into the ground to become groundwater. A tree gives off water vapor, labelled
Transpiration." width="880" height="600">
<figcaption>The four main stages of the water cycle. Follow the numbers from 1 to 4.</figcaption>
</figure>

<h3>Follow a drop of water</h3>
<p>Press play to listen to this part of the lesson, and read along.</p>
<audio controls src="asset:water-cycle-narration.mp3"></audio>
<p>Let us follow one drop of water. The sun warms the sea, and the water evaporates. It turns
into an invisible gas called water vapor, and rises into the air. High in the sky the air is
cooler, so the vapor condenses into tiny droplets that form clouds. When the droplets join
together and grow too heavy, they fall as rain. The rain collects in rivers, lakes and the
ground, and flows back to the sea. Then the journey begins again.</p>

<h3>The four main stages</h3>
<ol>
<li><strong>Evaporation.</strong> Heat from the sun turns liquid water from seas, lakes, rivers
and wet ground into water vapor. Most evaporation happens over the oceans.</li>
<li><strong>Condensation.</strong> As warm, moist air rises, it cools. Cool air cannot hold as
much water vapor, so the vapor condenses onto tiny specks of dust, salt or smoke, forming
droplets. Billions of these droplets together make a cloud.</li>
<li><strong>Precipitation.</strong> Inside a cloud, droplets bump into each other and join. When
they become too heavy to float, they fall as rain, drizzle, hail or snow.</li>
<li><strong>Collection.</strong> The water gathers in oceans, lakes and rivers. Some of it flows
over the land as <em>run-off</em>, and some soaks into the soil and becomes
<em>groundwater</em>, which slowly seeps towards rivers and the sea.</li>
</ol>

<h3>Plants help, too</h3>
<p>Plants take up water through their roots and release water vapor through tiny holes in their
leaves called <em>stomata</em>. This is called <strong>transpiration</strong>. On a hot day a
large tree can give off hundreds of liters of water into the air. That is one reason why forests
help to bring rain, and why cutting down forests can make an area drier.</p>

<h3>Try this: a water cycle in a bag</h3>
<ol>
<li>Pour about a quarter of a cup of water into a clear zip-top plastic bag. Add a drop of blue
food coloring if you have some.</li>
<li>Seal the bag tightly and tape it to a sunny window.</li>
<li>Look at the bag every hour during the day. Draw what you see and label the stages.</li>
</ol>
<p>After a while, droplets appear on the inside of the bag near the top: that is condensation.
They grow, then trickle down the sides like rain (precipitation) and gather at the bottom
(collection). Notice that the droplets are clear even though the water below is blue. When water
evaporates, whatever is dissolved in it is left behind. That is why rain is fresh water, even
though most of it comes from the salty sea.</p>
<p><strong>Check your understanding:</strong> In your own words, explain what would happen to the
water cycle if the sun stopped shining.</p>
"""

_CLOUDS_AND_RAIN = """\
<h2>How a cloud is made</h2>
<p>A cloud is made of billions of tiny water droplets or ice crystals floating in the air. To
make a cloud, nature needs three things:</p>
<ul>
<li><strong>Water vapor</strong> in the air, from evaporation and transpiration.</li>
<li><strong>Cooling.</strong> Air cools as it rises, and cool air cannot hold as much water
vapor, so some of it condenses.</li>
<li><strong>Tiny particles</strong> of dust, sea salt or smoke for the water to condense
on.</li>
</ul>
<p>Air rises when the sun heats the ground and the warm air above it floats upwards, when wind
pushes air up the side of a mountain, or when warm air meets cooler, heavier air and slides up
over it.</p>

<h3>Kinds of clouds</h3>
<p>Scientists name clouds by their shape and by how high they form. The names come from Latin:
<em>cumulus</em> means "heap", <em>stratus</em> means "layer", <em>cirrus</em> means "curl of
hair" and <em>nimbus</em> means "rain cloud". <em>Alto</em> means "high", but altocumulus clouds
are actually found in the middle layer of the sky.</p>
<figure>
<img src="asset:cloud-types.png" alt="Chart of five kinds of clouds by height from 0 to 12
kilometers. High (above 6 km): thin wispy cirrus streaks. Middle (2 to 6 km): rows of small
altocumulus puffs. Low (below 2 km): a flat grey sheet of stratus and a puffy white cumulus
cloud. A cumulonimbus storm cloud stretches from near the ground up to about 11 km, with a flat
anvil top, rain and lightning." width="880" height="560">
<figcaption>Clouds form at different heights. Only the cumulonimbus reaches from low to very
high.</figcaption>
</figure>
<table>
<caption>Common clouds and the weather they bring</caption>
<thead>
<tr><th scope="col">Cloud</th><th scope="col">Height</th><th scope="col">What it looks
like</th><th scope="col">Weather it often brings</th></tr>
</thead>
<tbody>
<tr><th scope="row">Cirrus</th><td>High</td><td>Thin, white, wispy streaks</td>
<td>Fair weather now; sometimes a sign that the weather will change in a day or so</td></tr>
<tr><th scope="row">Altocumulus</th><td>Middle</td><td>Rows or patches of small white or grey
puffs</td><td>Usually fair; on a hot, humid morning they can warn of afternoon storms</td></tr>
<tr><th scope="row">Stratus</th><td>Low</td><td>A flat, grey sheet like a blanket; fog is
stratus at ground level</td><td>Dull skies and light drizzle</td></tr>
<tr><th scope="row">Cumulus</th><td>Low</td><td>Puffy white heaps with flat bottoms, like
cotton</td><td>Fair weather, but they can grow into storm clouds</td></tr>
<tr><th scope="row">Cumulonimbus</th><td>Low base, very tall top</td><td>Huge dark towers, often
with a flat "anvil" top</td><td>Heavy rain, thunder, lightning, strong gusts and sometimes
hail</td></tr>
</tbody>
</table>

<h3>From cloud droplets to raindrops</h3>
<p>A cloud droplet is so small that about a million of them are needed to make one raindrop. The
droplets are carried up and down by air currents, bump into each other and join, growing bigger
and bigger. In tall clouds, the top is below freezing even in the tropics, so ice crystals also
form there. They grow, fall, and melt into raindrops on the way down. Precipitation can
reach the ground as:</p>
<ul>
<li><strong>rain</strong>: drops of liquid water;</li>
<li><strong>drizzle</strong>: very small, light drops, often from stratus clouds;</li>
<li><strong>hail</strong>: balls of ice that grow inside strong thunderstorms;</li>
<li><strong>snow</strong>: ice crystals that stay frozen all the way down. Snow does not fall in
the lowlands of the Philippines, but it is common in colder countries.</li>
</ul>

<h3>Stay safe in a thunderstorm</h3>
<ul>
<li><strong>When thunder roars, go indoors.</strong> If you can hear thunder, you are close
enough to be struck by lightning.</li>
<li>Stay away from open fields, tall trees that stand alone, metal fences and water.</li>
<li>Wait 30 minutes after the last clap of thunder before you go back outside.</li>
</ul>

<h3>Cloud watch</h3>
<p>For five days, look at the sky at the same time each day. Sketch the clouds, name them using
the table above, and write down what the weather was like one hour later. Did the clouds help you
to predict the weather?</p>
"""

_MEASURING_THE_WEATHER = """\
<h2>Weather and climate</h2>
<p><strong>Weather</strong> is the condition of the air at a certain place and time: hot or cool,
wet or dry, calm or windy. It can change within minutes. <strong>Climate</strong> is the usual
pattern of weather in a place over many years, usually 30 years or more. A simple way to remember
the difference: climate is what you expect, weather is what you get.</p>
<p>In much of the Philippines there are two main seasons. The rainy season usually runs from
about June to November, and the dry season from about December to May. Tropical cyclones, which
we call typhoons when they are strong, bring heavy rain and powerful winds. The national weather
agency, PAGASA, watches the weather day and night and raises Tropical Cyclone Wind Signals to warn
people when a storm is coming.</p>

<h3>Weather instruments</h3>
<p>Weather scientists, called meteorologists, measure the air with instruments. You can read the
same instruments at a school weather station.</p>
<table>
<caption>Instruments at a weather station</caption>
<thead>
<tr><th scope="col">Instrument</th><th scope="col">What it measures</th><th scope="col">Unit
used</th></tr>
</thead>
<tbody>
<tr><th scope="row">Thermometer</th><td>Air temperature</td><td>degrees Celsius (°C)</td></tr>
<tr><th scope="row">Rain gauge</th><td>How much rain has fallen</td><td>millimeters (mm)</td></tr>
<tr><th scope="row">Barometer</th><td>Air pressure</td><td>hectopascals (hPa)</td></tr>
<tr><th scope="row">Anemometer</th><td>Wind speed</td><td>kilometers per hour (km/h)</td></tr>
<tr><th scope="row">Wind vane</th><td>Wind direction</td><td>compass points (N, NE, E and so
on)</td></tr>
<tr><th scope="row">Hygrometer</th><td>Humidity: how much water vapor is in the air</td>
<td>percent (%)</td></tr>
</tbody>
</table>
<p>Two tips for reading them. A wind vane points to the direction the wind comes
<em>from</em>, so a "north wind" blows from the north. And when the air pressure on a barometer
keeps falling, stormy weather is often on its way; rising pressure usually means fair
weather.</p>

<h3>Make your own rain gauge</h3>
<ol>
<li>Ask an adult to cut the top off a clear, straight-sided plastic bottle, about one third of
the way down.</li>
<li>Put a few small stones in the bottom so that the wind cannot blow it over. Pour in water
until it just covers the stones, and mark this level "0".</li>
<li>Stick a paper strip on the side and mark it every millimeter upwards from the "0" line, using
a ruler.</li>
<li>Turn the top upside down and fit it into the bottle like a funnel.</li>
<li>Place the gauge in an open space, away from trees and roofs.</li>
<li>Read the water level at the same time every day, then pour out water down to the "0"
line.</li>
</ol>

<h3>Keep a weather diary</h3>
<p>For one week, record the weather at the same time every day. Copy this table into your
notebook. The first row is an example.</p>
<table>
<caption>My weather diary</caption>
<thead>
<tr><th scope="col">Day</th><th scope="col">Temperature (°C)</th><th scope="col">Rainfall
(mm)</th><th scope="col">Wind comes from</th><th scope="col">Clouds</th><th scope="col">Notes</th>
</tr>
</thead>
<tbody>
<tr><td>Monday</td><td>31</td><td>4</td><td>southwest</td><td>cumulus</td><td>Short shower after
lunch</td></tr>
<tr><td>Tuesday</td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>Wednesday</td><td></td><td></td><td></td><td></td><td></td></tr>
</tbody>
</table>
<p>At the end of the week, draw a bar graph of the rainfall. Which day was the wettest? Which was
the hottest? Did the clouds you saw help you to predict the rain?</p>
"""

# Mathematics: fractions and decimals -------------------------------------------------------------

_WHAT_IS_A_FRACTION = """\
<h2>Equal parts of a whole</h2>
<p>Imagine that your family shares a pizza cut into 8 equal slices, and you eat 3 of them. You
have eaten three eighths of the pizza, which we write as <strong>3/8</strong>. A
<strong>fraction</strong> names a part of a whole, or a part of a group.</p>
<figure>
<img src="asset:fraction-pies.png" alt="Four circles divided into equal parts. The first is cut
into 2 parts with 1 shaded: one half, 1/2. The second is cut into 3 parts with 1 shaded: one
third, 1/3. The third is cut into 4 parts with 3 shaded: three fourths, 3/4. The fourth is cut
into 8 parts with 5 shaded: five eighths, 5/8." width="880" height="360">
<figcaption>Each circle is one whole, cut into equal parts. The shaded parts show the
fraction.</figcaption>
</figure>

<h3>The numerator and the denominator</h3>
<p>Every fraction has two numbers separated by a fraction bar:</p>
<ul>
<li>The <strong>denominator</strong> is the bottom number. It tells how many equal parts the whole
is divided into.</li>
<li>The <strong>numerator</strong> is the top number. It tells how many of those parts we are
talking about.</li>
</ul>
<p>In 3/4, the denominator 4 tells us that the whole has four equal parts, and the numerator 3
tells us that we have three of them. We read it as "three fourths" (you may also hear "three
quarters"). A memory trick: the <strong>d</strong>enominator is <strong>d</strong>own below.</p>

<h3>The parts must be equal</h3>
<p>If a cassava cake is cut into 4 pieces of different sizes, each piece is <em>not</em> one
fourth of the cake. Fractions only work when the parts are the same size. Before you name a
fraction in a picture, always check that the parts are equal.</p>

<h3>Fractions of a group</h3>
<p>A fraction can also describe part of a set of things. A basket holds 12 mangoes and 4 of them
are ripe, so 4/12 of the mangoes are ripe.</p>
<p>To find a fraction of a number, divide the number into equal groups. To find 1/3 of 12, split
the 12 mangoes into 3 equal groups: each group has 4 mangoes, so 1/3 of 12 is 4. Then 2/3 of 12
is two of those groups, which is 8.</p>

<h3>Kinds of fractions</h3>
<ul>
<li>A <strong>proper fraction</strong> has a numerator smaller than its denominator, such as 2/5.
It is less than one whole.</li>
<li>An <strong>improper fraction</strong> has a numerator equal to or greater than its
denominator, such as 7/4. It is one whole or more.</li>
<li>A <strong>mixed number</strong> is a whole number and a proper fraction together, such as
1 3/4 (read "one and three fourths"). The improper fraction 7/4 and the mixed number 1 3/4 name
the same amount: seven fourths make one whole and three fourths more.</li>
</ul>

<h3>Practice</h3>
<ol>
<li>A chocolate bar has 10 equal pieces. Maria eats 3 of them. What fraction of the bar did she
eat? What fraction is left?</li>
<li>Draw a circle, divide it into 6 equal parts and shade 5/6 of it.</li>
<li>What is 1/4 of 20 pesos?</li>
<li>Write 9/4 as a mixed number.</li>
<li>Which is larger, 1/3 or 1/5? Draw a picture to explain your answer.</li>
</ol>
<p><strong>Answers:</strong> 1. 3/10 eaten, 7/10 left. 2. Five of the six parts are shaded. 3. 5
pesos. 4. 2 1/4. 5. 1/3 is larger: when a whole is cut into fewer parts, each part is
bigger.</p>
"""

_EQUIVALENT_FRACTIONS = """\
<h2>Different names, same amount</h2>
<p>Look at the fraction wall below. The bar for 1/2 is exactly as long as two fourths, three
sixths and four eighths. Fractions that name the same amount are called <strong>equivalent
fractions</strong>: 1/2 = 2/4 = 3/6 = 4/8.</p>
<figure>
<img src="asset:fraction-wall.png" alt="A fraction wall with six rows of the same length: one
whole, then 2 halves, 3 thirds, 4 fourths, 6 sixths and 8 eighths. A red dashed line at the
half-way point shows that 1/2, 2/4, 3/6 and 4/8 end at the same place." width="880"
height="500">
<figcaption>A fraction wall. Every row is one whole, cut into a different number of equal
parts.</figcaption>
</figure>

<h3>Making equivalent fractions</h3>
<p>To make an equivalent fraction, multiply the numerator and the denominator by the
<em>same</em> number. It is like cutting every piece into smaller equal pieces: you get more
pieces, but the amount stays the same.</p>
<table>
<caption>Equivalent fractions made by multiplying the top and bottom by the same number</caption>
<thead>
<tr><th scope="col">Fraction</th><th scope="col">× 2</th><th scope="col">× 3</th>
<th scope="col">× 4</th><th scope="col">× 5</th></tr>
</thead>
<tbody>
<tr><th scope="row">1/2</th><td>2/4</td><td>3/6</td><td>4/8</td><td>5/10</td></tr>
<tr><th scope="row">1/3</th><td>2/6</td><td>3/9</td><td>4/12</td><td>5/15</td></tr>
<tr><th scope="row">3/4</th><td>6/8</td><td>9/12</td><td>12/16</td><td>15/20</td></tr>
<tr><th scope="row">2/5</th><td>4/10</td><td>6/15</td><td>8/20</td><td>10/25</td></tr>
</tbody>
</table>
<p>Be careful: <em>adding</em> the same number to the top and bottom does not work. Adding 1 to
both parts of 1/2 gives 2/3, and 2/3 is more than 1/2.</p>

<h3>Simplest form</h3>
<p>A fraction is in <strong>simplest form</strong> (or lowest terms) when the only number that
divides both the numerator and the denominator is 1. To simplify a fraction, divide the top and
bottom by their <strong>greatest common factor</strong> (GCF).</p>
<p><strong>Example:</strong> simplify 12/18.</p>
<ul>
<li>Factors of 12: 1, 2, 3, 4, 6, 12.</li>
<li>Factors of 18: 1, 2, 3, 6, 9, 18.</li>
<li>The greatest common factor is 6, so 12 ÷ 6 = 2 and 18 ÷ 6 = 3.</li>
</ul>
<p>So 12/18 in simplest form is 2/3. You can also simplify in smaller steps (divide by 2, then by
3); you will reach the same answer.</p>

<h3>Comparing fractions</h3>
<ul>
<li><strong>Same denominator:</strong> compare the numerators. 5/8 is greater than 3/8.</li>
<li><strong>Same numerator:</strong> the fraction with the smaller denominator is greater,
because its pieces are bigger. 1/3 is greater than 1/5.</li>
<li><strong>Different denominators:</strong> rename both fractions with a common denominator.
To compare 2/3 and 3/4, write them as 8/12 and 9/12. So 3/4 is greater.</li>
</ul>

<h3>Practice</h3>
<ol>
<li>Write two fractions that are equivalent to 2/3.</li>
<li>Write in simplest form: 15/25, 8/12 and 14/21.</li>
<li>Which is greater, 5/6 or 7/9?</li>
<li>Ramon says that 4/10 and 2/5 are equal. Is he right? Explain how you know.</li>
</ol>
<p><strong>Answers:</strong> 1. For example 4/6 and 6/9. 2. 3/5, 2/3 and 2/3. 3. 5/6, because
5/6 = 15/18 and 7/9 = 14/18. 4. Yes: dividing the top and bottom of 4/10 by 2 gives 2/5.</p>
"""

_ADDING_FRACTIONS = """\
<h2>Same denominator</h2>
<p>When two fractions have the same denominator, their pieces are the same size. Just add or
subtract the numerators and keep the denominator.</p>
<ul>
<li>2/7 + 3/7 = 5/7</li>
<li>7/8 − 3/8 = 4/8, which simplifies to 1/2</li>
</ul>
<p>A common mistake is to add the denominators too. 1/4 + 1/4 is <em>not</em> 2/8! Two quarters
of a pizza make half a pizza: 1/4 + 1/4 = 2/4 = 1/2.</p>

<h2>Different denominators</h2>
<p>You cannot add halves and thirds directly, because the pieces are different sizes. First,
rename the fractions so that they have a common denominator. The easiest one to use is the
<strong>least common denominator</strong> (LCD): the smallest number that both denominators
divide into.</p>
<ol>
<li>Find the LCD of the denominators.</li>
<li>Rename each fraction as an equivalent fraction with the LCD.</li>
<li>Add or subtract the numerators. Keep the denominator.</li>
<li>Simplify the answer, and change an improper fraction to a mixed number.</li>
</ol>
<table>
<caption>Worked examples with different denominators</caption>
<thead>
<tr><th scope="col">Problem</th><th scope="col">LCD</th><th scope="col">Renamed</th>
<th scope="col">Answer</th></tr>
</thead>
<tbody>
<tr><td>1/2 + 1/3</td><td>6</td><td>3/6 + 2/6</td><td>5/6</td></tr>
<tr><td>3/4 − 1/6</td><td>12</td><td>9/12 − 2/12</td><td>7/12</td></tr>
<tr><td>2/5 + 1/2</td><td>10</td><td>4/10 + 5/10</td><td>9/10</td></tr>
<tr><td>5/6 + 3/4</td><td>12</td><td>10/12 + 9/12</td><td>19/12 = 1 7/12</td></tr>
</tbody>
</table>
<p>To find the LCD, list the multiples of the larger denominator until you reach one that the
smaller denominator also divides. For 4 and 6: the multiples of 6 are 6, 12, 18 and so on, and
12 is the first that 4 divides, so the LCD is 12.</p>

<h3>Mixed numbers</h3>
<p>To add mixed numbers, add the whole numbers and the fractions separately:</p>
<ul>
<li>1 1/2 + 2 1/4 = (1 + 2) + (2/4 + 1/4) = 3 3/4</li>
<li>2 2/3 + 1 2/3 = 3 4/3. Since 4/3 = 1 1/3, the answer is 4 1/3.</li>
</ul>
<p>To subtract, you sometimes need to borrow one whole. In 3 1/4 − 1 3/4 you cannot take 3/4
away from 1/4, so rename 3 1/4 as 2 5/4 (one whole is 4/4, and 4/4 + 1/4 = 5/4). Then
2 5/4 − 1 3/4 = 1 2/4 = 1 1/2.</p>

<h3>Word problems</h3>
<ol>
<li>Ana walks 3/10 km to her friend's house, and then 1/2 km more to school. How far does she
walk altogether?</li>
<li>A jug holds 3/4 liter of calamansi juice. Miguel pours out 1/3 liter. How much juice is left
in the jug?</li>
<li>Bea has a ribbon 2 1/2 meters long. She uses 1 3/4 meters for a school project. How much
ribbon is left?</li>
<li>Make up your own word problem that uses 1/2 + 1/4, and solve it.</li>
</ol>
<p><strong>Answers:</strong> 1. 3/10 + 5/10 = 8/10 = 4/5 km. 2. 9/12 − 4/12 = 5/12 liter.
3. 2 2/4 − 1 3/4 = 1 6/4 − 1 3/4 = 3/4 meter. 4. Answers will vary; the sum is 3/4.</p>
<p><strong>Check with estimation:</strong> before you calculate, ask whether each fraction is
closer to 0, 1/2 or 1. For 2/5 + 1/2, both are close to 1/2, so the answer should be close to 1.
Our answer, 9/10, makes sense.</p>
"""

_FRACTIONS_TO_DECIMALS = """\
<h2>Another way to write parts</h2>
<p>A <strong>decimal</strong> is another way to write a fraction whose denominator is 10, 100,
1,000 and so on. The <strong>decimal point</strong> separates the whole number from the parts
that are smaller than one. For example, 4/10 is written 0.4 and 35/100 is written 0.35.</p>
<figure>
<img src="asset:hundred-grid.png" alt="Two squares of the same size. On the left, a square
divided into 10 strips with 4 strips shaded blue, labelled 4 tenths shaded, 0.4 = 4/10. On the
right, a square divided into 100 small squares with 35 shaded orange, labelled 35 hundredths
shaded, 0.35 = 35/100. Each small square is 1/100 = 0.01." width="880" height="420">
<figcaption>Tenths and hundredths. Each strip on the left is one tenth; each small square on the
right is one hundredth.</figcaption>
</figure>

<h3>Place value after the decimal point</h3>
<p>Each place to the right of the decimal point is worth one tenth of the place before it.</p>
<table>
<caption>Place value of decimals</caption>
<thead>
<tr><th scope="col">Number</th><th scope="col">Ones</th><th scope="col">Tenths (1/10)</th>
<th scope="col">Hundredths (1/100)</th><th scope="col">Thousandths (1/1000)</th></tr>
</thead>
<tbody>
<tr><th scope="row">0.4</th><td>0</td><td>4</td><td></td><td></td></tr>
<tr><th scope="row">0.35</th><td>0</td><td>3</td><td>5</td><td></td></tr>
<tr><th scope="row">0.08</th><td>0</td><td>0</td><td>8</td><td></td></tr>
<tr><th scope="row">2.375</th><td>2</td><td>3</td><td>7</td><td>5</td></tr>
</tbody>
</table>
<p>We read 2.375 as "two and three hundred seventy-five thousandths". Say "and" only at the
decimal point.</p>
<figure>
<img src="asset:decimal-number-line.png" alt="A number line from 0 to 1 marked in tenths. Above
each mark is a decimal: 0.1, 0.2 and so on up to 0.9. Below each mark is the same number as a
fraction: 1/10 up to 9/10. Red dots mark 1/4 = 0.25, 1/2 = 0.5 and 3/4 = 0.75." width="880"
height="300">
<figcaption>Fractions and decimals name the same points on the number line.</figcaption>
</figure>

<h3>Changing fractions to decimals</h3>
<ul>
<li><strong>Method 1:</strong> make the denominator 10, 100 or 1,000. For 3/4, multiply the top
and bottom by 25: 3/4 = 75/100 = 0.75. For 2/5, multiply by 2: 2/5 = 4/10 = 0.4.</li>
<li><strong>Method 2:</strong> divide the numerator by the denominator. 3/8 means 3 ÷ 8, which
is 0.375.</li>
</ul>
<p>Some fractions never stop. 1/3 = 0.3333…, with the 3 repeating forever. We call this a
<em>repeating decimal</em> and often round it to 0.33.</p>
<p>It helps to remember these: 1/2 = 0.5, 1/4 = 0.25, 3/4 = 0.75, 1/5 = 0.2, 1/8 = 0.125 and
1/10 = 0.1.</p>

<h3>Changing decimals to fractions</h3>
<p>Say the decimal in words, write it as a fraction, then simplify. 0.6 is "six tenths", so
0.6 = 6/10 = 3/5. And 0.45 is "forty-five hundredths", so 0.45 = 45/100 = 9/20.</p>

<h3>Comparing decimals</h3>
<p>Line up the decimal points, then compare the digits from left to right. Which is greater, 0.5
or 0.45? Write 0.5 as 0.50: five tenths is more than four tenths, so 0.5 is greater. A decimal
with more digits is not always greater!</p>

<h3>Practice</h3>
<ol>
<li>Write 7/10 and 7/100 as decimals.</li>
<li>Change 3/5, 1/4 and 9/20 to decimals.</li>
<li>Write 0.8 and 0.125 as fractions in simplest form.</li>
<li>Put these in order from least to greatest: 0.3, 0.25, 0.305, 0.03.</li>
</ol>
<p><strong>Answers:</strong> 1. 0.7 and 0.07. 2. 0.6, 0.25 and 0.45. 3. 4/5 and 1/8.
4. 0.03, 0.25, 0.3, 0.305.</p>
"""

_DECIMALS_IN_EVERYDAY_LIFE = """\
<h2>Pesos and centavos</h2>
<p>Every time you buy something, you use decimals. One Philippine peso is worth 100 centavos, so
one centavo is 1/100 of a peso, written ₱0.01. A price of ₱45.75 means 45 pesos and 75
centavos. The 25-centavo coin is worth ₱0.25, one fourth of a peso.</p>

<h3>At the sari-sari store</h3>
<p>Jericho buys a few things for merienda and pays with a ₱100 bill.</p>
<table>
<caption>Jericho's receipt</caption>
<thead>
<tr><th scope="col">Item</th><th scope="col">Price</th></tr>
</thead>
<tbody>
<tr><td>1 pack of pandesal</td><td>₱35.00</td></tr>
<tr><td>2 bananas at ₱7.50 each</td><td>₱15.00</td></tr>
<tr><td>1 bottle of water</td><td>₱18.25</td></tr>
<tr><th scope="row">Total</th><td>₱68.25</td></tr>
</tbody>
</table>
<p>His change is ₱100.00 − ₱68.25 = ₱31.75.</p>

<h3>Adding and subtracting decimals</h3>
<ol>
<li>Write the numbers in a column with the decimal points lined up.</li>
<li>Fill any empty places with zeros, so that 35 becomes 35.00.</li>
<li>Add or subtract as you do with whole numbers.</li>
<li>Put the decimal point in the answer directly below the other decimal points.</li>
</ol>
<p>Estimate first to check your answer: ₱35 + ₱15 + ₱18 is about ₱68, so ₱68.25 makes
sense.</p>

<h3>Decimals in measurement</h3>
<ul>
<li>1 meter = 100 centimeters, so 1.45 m = 145 cm.</li>
<li>1 kilogram = 1,000 grams, so 0.5 kg of rice = 500 g.</li>
<li>1 liter = 1,000 milliliters, so a 1.5 L bottle holds 1,500 mL.</li>
<li>A thermometer that reads 36.8 °C shows a temperature between 36 and 37 degrees.</li>
</ul>

<h3>Rounding decimals</h3>
<p>To round to the nearest tenth, look at the hundredths digit. If it is 5 or more, round up;
otherwise, round down. 2.68 rounds to 2.7, and 2.63 rounds to 2.6. Stores and shoppers often
round to the nearest peso: ₱149.75 is about ₱150.</p>

<h3>Project: plan a class merienda</h3>
<p>Your group has ₱250.00 to buy snacks for a class party. Make a shopping list with at least
four items and their prices, find the total, and work out the change. Show your working, and
explain how you would change your list if the total were more than ₱250.00.</p>
<p><em>Teacher's note: this lesson is still a draft. Add a price list from the school canteen
before publishing it.</em></p>
"""

# English: writing a good paragraph ---------------------------------------------------------------

_WHAT_IS_A_PARAGRAPH = """\
<h2>A group of sentences with one job</h2>
<p>A <strong>paragraph</strong> is a group of sentences about one main idea. Paragraphs break
long writing into parts that a reader can follow, the way rooms divide a house. When your writing
moves on to a new idea, start a new paragraph. Show where it begins by indenting the first line
or by leaving a blank line before it.</p>
<p>A good paragraph is built like a hamburger. The bread holds everything together, and the
fillings in the middle give it its flavor.</p>
<figure>
<img src="asset:paragraph-hamburger.png" alt="A hamburger diagram of a paragraph. The top bun is
the topic sentence, which states the main idea. Three fillings, lettuce, tomato and a patty, are
supporting details 1, 2 and 3, which explain and prove the idea with facts, examples and reasons.
The bottom bun is the concluding sentence, which wraps up the paragraph and restates the main
idea in new words." width="880" height="580">
<figcaption>The paragraph hamburger: a topic sentence, supporting details and a concluding
sentence.</figcaption>
</figure>

<h3>The three parts of a paragraph</h3>
<ol>
<li><strong>The topic sentence</strong> (top bun) tells the reader the main idea of the whole
paragraph. It usually comes first.</li>
<li><strong>The supporting details</strong> (fillings) explain the main idea. They can be
facts, examples, reasons or descriptions. Most paragraphs need at least three.</li>
<li><strong>The concluding sentence</strong> (bottom bun) wraps up the paragraph. It restates
the main idea in different words, or leaves the reader with a final thought.</li>
</ol>
<p>Transition words such as <em>first</em>, <em>also</em> and <em>finally</em> are like the
sauce: they help the parts stick together.</p>

<h3>A model paragraph</h3>
<p>Read this paragraph. Can you find each part of the hamburger?</p>
<blockquote>
<p>The jeepney is the most colorful way to travel in the Philippines. First, almost every jeepney
is decorated by its owner with bright paint, shiny chrome and sometimes a row of silver horses on
the hood. Also, each jeepney has its own name or message painted on it, such as a family name or
a prayer, so no two look exactly alike. Finally, the jeepney has an interesting history, because
the first ones were made from military jeeps left behind after the Second World War. In short, a
ride in a jeepney is a trip through Filipino art, history and everyday life.</p>
</blockquote>
<ul>
<li><strong>Topic sentence:</strong> "The jeepney is the most colorful way to travel in the
Philippines."</li>
<li><strong>Supporting details:</strong> the decorations, the names and messages, and the
history.</li>
<li><strong>Concluding sentence:</strong> "In short, a ride in a jeepney is a trip through
Filipino art, history and everyday life."</li>
</ul>

<h3>Your turn</h3>
<p>Choose one of these topics, or think of your own:</p>
<ul>
<li>my favorite food</li>
<li>a special place in our town</li>
<li>why every school should plant trees</li>
<li>a game I love to play</li>
</ul>
<p>Draw an empty hamburger in your notebook. Write a topic sentence on the top bun and one
supporting detail on each filling. You will turn your plan into a full paragraph later in this
course.</p>
"""

_TOPIC_SENTENCES = """\
<h2>A promise to the reader</h2>
<p>The topic sentence is a promise. It tells the reader what the paragraph is about and what you
are going to say about it. A strong topic sentence has two parts: the <strong>topic</strong> and
the <strong>controlling idea</strong>, which is your opinion or your point about the topic.</p>
<figure>
<img src="asset:topic-sentence.png" alt="The sentence: Jeepneys are a colorful symbol of Filipino
creativity. The word Jeepneys is boxed in blue and labelled topic, what it is about. The rest of
the sentence is boxed in orange and labelled controlling idea, what you will say about it."
width="880" height="300">
<figcaption>A topic sentence = a topic + a controlling idea.</figcaption>
</figure>
<p>The controlling idea guides the whole paragraph. Every supporting detail must help to prove
or explain it. In the example, each detail should show how jeepneys are colorful or creative.</p>

<h3>Weak and strong topic sentences</h3>
<table>
<caption>Making topic sentences stronger</caption>
<thead>
<tr><th scope="col">Weak topic sentence</th><th scope="col">What is wrong</th>
<th scope="col">Stronger topic sentence</th></tr>
</thead>
<tbody>
<tr><td>This paragraph is about rice.</td><td>It announces the topic but has no controlling
idea.</td><td>Rice is the heart of every Filipino meal.</td></tr>
<tr><td>Dogs.</td><td>It is not a complete sentence.</td><td>Dogs make loyal and loving
pets.</td></tr>
<tr><td>Mount Apo is the highest mountain in the Philippines.</td><td>It is only a fact; there
is nothing left to explain.</td><td>Mount Apo is a natural treasure that we must protect.</td>
</tr>
<tr><td>There are many things about typhoons.</td><td>It is too broad and vague.</td>
<td>Every family should pack an emergency go-bag before typhoon season.</td></tr>
</tbody>
</table>

<h3>Not too broad, not too narrow</h3>
<p>A topic sentence that is too broad needs a whole book to explain, such as "Sports are
fun." One that is too narrow leaves nothing to say, such as "Our basketball court is 28 meters
long." Aim for the middle: "Playing basketball after school keeps my friends and me healthy and
happy." You could easily write three supporting details for that sentence.</p>

<h3>Tips for a strong topic sentence</h3>
<ul>
<li>Write a complete sentence with a subject and a verb.</li>
<li>Include a controlling idea: an opinion, a reason or a point to prove.</li>
<li>Do not announce: avoid "In this paragraph I will tell you about…".</li>
<li>Put it at the beginning of the paragraph, where the reader expects it.</li>
<li>Make it interesting, so that the reader wants to keep reading.</li>
</ul>

<h3>Practice</h3>
<ol>
<li>Copy these sentences. Underline the topic and circle the controlling idea.
<ul>
<li>Our school library is the best place to spend a rainy afternoon.</li>
<li>Learning to swim is an important skill for every child on an island.</li>
<li>My grandmother's adobo is the most delicious dish in the world.</li>
</ul>
</li>
<li>Rewrite these weak topic sentences to make them stronger: "I will write about my
town." and "Trees."</li>
<li>Look at the plan you made in the last lesson. Does your topic sentence have a controlling
idea? Improve it if you can.</li>
</ol>
"""

_SUPPORTING_DETAILS = """\
<h2>Backing up your main idea</h2>
<p>Supporting details are the fillings of the paragraph hamburger. They explain, describe and
prove the idea in your topic sentence. Without them, a reader has no reason to believe you.
There are several kinds of supporting details:</p>
<ul>
<li><strong>Facts:</strong> things that can be checked, such as numbers, dates and names.</li>
<li><strong>Examples:</strong> particular cases that show what you mean.</li>
<li><strong>Reasons:</strong> answers to the question "why?"</li>
<li><strong>Descriptions:</strong> details of what you see, hear, smell, taste or feel.</li>
<li><strong>Short stories:</strong> a quick experience that shows your point.</li>
</ul>

<h3>Stay on topic</h3>
<p>Every sentence in a paragraph must support the topic sentence. When all of them do, the
paragraph has <strong>unity</strong>. Read this paragraph. One sentence does not belong. Can you
find it?</p>
<blockquote>
<p>Our school garden helps us in many ways. First, we grow pechay, eggplant and okra for our
feeding program. Also, caring for the plants teaches us to be patient and responsible. My cousin
just got a new bicycle. Finally, the garden is a quiet, shady place where we can read during
break time. For all these reasons, every class should help to take care of the garden.</p>
</blockquote>
<p>The sentence about the cousin's bicycle does not tell us how the garden helps, so it should
be removed.</p>

<h3>Transition words</h3>
<p>Transition words link your sentences so that the reader can follow your thinking. Choose the
transition that matches what you want to do:</p>
<table>
<caption>Transition words and what they do</caption>
<thead>
<tr><th scope="col">Purpose</th><th scope="col">Transition words</th></tr>
</thead>
<tbody>
<tr><th scope="row">To add an idea</th><td>also, in addition, besides, another</td></tr>
<tr><th scope="row">To show order or time</th><td>first, second, next, then, after that,
finally</td></tr>
<tr><th scope="row">To give an example</th><td>for example, for instance, such as</td></tr>
<tr><th scope="row">To show a difference</th><td>however, but, on the other hand, instead</td>
</tr>
<tr><th scope="row">To show cause and effect</th><td>because, so, as a result, therefore</td>
</tr>
<tr><th scope="row">To conclude</th><td>in short, in conclusion, for these reasons,
overall</td></tr>
</tbody>
</table>
<p>When a transition begins a sentence, it is usually followed by a comma: "First, we grow
pechay." Use transitions to help the reader, but do not start every sentence with one.</p>

<h3>Putting details in order</h3>
<ul>
<li><strong>Time order:</strong> tell events in the order they happened, as in a recipe or a
story.</li>
<li><strong>Order of importance:</strong> start with a good reason and end with your strongest
one, so the reader remembers it.</li>
<li><strong>Space order:</strong> describe a place from left to right, from top to bottom, or
from near to far.</li>
</ul>

<h3>Practice</h3>
<ol>
<li>Write three supporting details for this topic sentence: "Rainy days can be fun."</li>
<li>Add a transition word to the beginning of each of your details.</li>
<li>Go back to your hamburger plan. Is every detail on topic? Put your details in the best
order.</li>
</ol>
"""

_CONCLUDING_AND_REVISING = """\
<h2>The bottom bun</h2>
<p>The concluding sentence tells the reader that the paragraph is finished and reminds them of
the main idea. Without it, the paragraph feels like a hamburger without its bottom bun:
everything falls out! Here are three ways to write a concluding sentence:</p>
<ul>
<li><strong>Restate the main idea in new words:</strong> "Jeepneys truly show how creative
Filipinos can be."</li>
<li><strong>Sum up the details:</strong> "With their bright paint, special names and long
history, jeepneys are a joy to see."</li>
<li><strong>Give a final thought or a call to action:</strong> "The next time you ride a jeepney,
take a moment to look at its decorations."</li>
</ul>
<p>Begin with a concluding transition such as "In short" or "For these reasons" if it helps. Do
not add a new idea in the concluding sentence: the bottom bun is not the place for more
fillings.</p>

<h3>Revising and editing</h3>
<p>Good writers never stop at the first draft. They improve their writing in two steps:</p>
<ol>
<li><strong>Revising</strong> means improving the ideas and the order. Remember
<strong>ARMS</strong>: <strong>A</strong>dd details that are missing, <strong>R</strong>emove
sentences that are off topic, <strong>M</strong>ove sentences into a better order and
<strong>S</strong>ubstitute stronger words for weak ones such as "nice" and "good".</li>
<li><strong>Editing</strong> means correcting mistakes. Remember <strong>CUPS</strong>:
<strong>C</strong>apital letters, <strong>U</strong>sage (grammar and word choice),
<strong>P</strong>unctuation and <strong>S</strong>pelling.</li>
</ol>

<h3>Paragraph checklist</h3>
<p>Use this checklist on your own paragraph before you hand it in. Put a tick in one column for
each question.</p>
<table>
<caption>My paragraph checklist</caption>
<thead>
<tr><th scope="col">Question</th><th scope="col">Yes</th><th scope="col">Not yet</th></tr>
</thead>
<tbody>
<tr><td>Does my topic sentence have a topic and a controlling idea?</td><td></td><td></td></tr>
<tr><td>Do I have at least three supporting details?</td><td></td><td></td></tr>
<tr><td>Does every sentence stay on topic?</td><td></td><td></td></tr>
<tr><td>Did I use transition words to link my ideas?</td><td></td><td></td></tr>
<tr><td>Does my concluding sentence restate the main idea without adding a new one?</td><td></td>
<td></td></tr>
<tr><td>Did I check capital letters, grammar, punctuation and spelling?</td><td></td><td></td>
</tr>
</tbody>
</table>

<h3>Two stars and a wish</h3>
<p>Swap paragraphs with a classmate. Read your partner's paragraph carefully, then write two
"stars" (two things that are done well) and one "wish" (one thing that could be better). Be kind
and specific: "Your details about the market made me feel like I was there" is more helpful than
"It's good."</p>

<h3>Final task</h3>
<p>Turn the hamburger plan that you made in the first lesson into a finished paragraph of six to
eight sentences. Revise it with ARMS, edit it with CUPS, check it against the checklist and then
submit it here. Well done: you are now a paragraph builder!</p>
"""


COURSES: tuple[DemoCourse, ...] = (
    DemoCourse(
        title="The Water Cycle and Weather",
        description=(
            "Follow a drop of water from the sea to the clouds and back again, and find out how "
            "the water cycle shapes our weather. Students read diagrams, watch the clouds, build "
            "a rain gauge and keep a weather diary."
        ),
        instructor=0,
        cover="cover-science.png",
        lessons=(
            DemoLesson("Water on Our Planet", _WATER_ON_OUR_PLANET),
            DemoLesson("The Water Cycle", _THE_WATER_CYCLE),
            DemoLesson("Clouds and Rain", _CLOUDS_AND_RAIN),
            DemoLesson("Measuring the Weather", _MEASURING_THE_WEATHER),
        ),
    ),
    DemoCourse(
        title="Fractions and Decimals",
        description=(
            "Build a strong sense of fractions and decimals with fraction pies, a fraction wall "
            "and the number line. Students compare, simplify, add and subtract fractions, then "
            "connect them to decimals, money and measurement."
        ),
        instructor=1,
        cover="cover-math.png",
        lessons=(
            DemoLesson("What Is a Fraction?", _WHAT_IS_A_FRACTION),
            DemoLesson("Equivalent Fractions and Simplest Form", _EQUIVALENT_FRACTIONS),
            DemoLesson("Adding and Subtracting Fractions", _ADDING_FRACTIONS),
            DemoLesson("From Fractions to Decimals", _FRACTIONS_TO_DECIMALS),
            DemoLesson(
                "Decimals in Everyday Life: Money and Measurement",
                _DECIMALS_IN_EVERYDAY_LIFE,
                published=False,
            ),
        ),
    ),
    DemoCourse(
        title="Writing a Good Paragraph",
        description=(
            "Learn to plan, write and revise clear paragraphs with the paragraph hamburger: a "
            "topic sentence, supporting details and a concluding sentence. Each lesson ends with "
            "a short writing task."
        ),
        instructor=0,
        cover="cover-english.png",
        lessons=(
            DemoLesson("What Is a Paragraph?", _WHAT_IS_A_PARAGRAPH),
            DemoLesson("Writing a Strong Topic Sentence", _TOPIC_SENTENCES),
            DemoLesson("Supporting Details and Transitions", _SUPPORTING_DETAILS),
            DemoLesson("Concluding and Revising Your Paragraph", _CONCLUDING_AND_REVISING),
        ),
    ),
)
