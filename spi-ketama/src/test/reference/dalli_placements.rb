# Prints where Dalli places keys, computed in process by Dalli's own code: the key goes through
# Dalli::KeyManager#validate_key (blank keys refused, keys over 250 characters truncated to
# "<prefix>:md5:<hexdigest>") and then Dalli::Ring#server_for_key, exactly as Dalli::Client#perform
# does. Servers are real Dalli::Protocol::Binary objects built from "host:port:weight" specs (their
# name is Dalli's own); only alive? is answered here, so no memcached server is contacted.
#
# usage: ruby dalli_placements.rb SPEC...   (keys on stdin, one per line, UTF-8)
# output: key<TAB>host:port, or key<TAB>!<error class> when Dalli refuses the key
require 'dalli'

servers = ARGV.map do |spec|
  server = Dalli::Protocol::Binary.new(spec)
  server.define_singleton_method(:alive?) { true }
  server
end
ring = Dalli::Ring.new(servers, { threadsafe: false })
keys = Dalli::KeyManager.new({})
$stdin.set_encoding('UTF-8')
$stdin.each_line do |line|
  key = line.chomp
  begin
    server = ring.server_for_key(keys.validate_key(key))
    host = server.hostname.include?(':') ? "[#{server.hostname}]" : server.hostname
    puts "#{key}\t#{host}:#{server.port}"
  rescue ArgumentError => e
    puts "#{key}\t!#{e.class}"
  end
end
