[description]
benchtarget: requests Jetty refuses before the web app (bad escapes, heads or bodies over the limits,
broken framing) answer CONTRACT's one-line text/plain reason instead of Jetty's HTML error page; request
bodies are read whole, without a thread, before the web app serves the request; every path Jetty can
parse reaches the web app's one path rule (PathCompliance).

[depends]
server

[lib]
lib/benchtarget/*.jar

[xml]
etc/benchtarget-jetty-core.xml
