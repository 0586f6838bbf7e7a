</main>
<footer class="foot">
<p><?cs var:Lang.Footer.Text ?></p>
</footer>
</body>
</html>
