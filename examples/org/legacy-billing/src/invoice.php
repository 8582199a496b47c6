<?php echo "invoice"; ?>
